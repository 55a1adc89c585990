-- Data-subject requests (erasure, access) that identity owns from compliance.requests on. Person ids are
-- random, so keeping which persons a request found reveals no identifier.
create table subject_request (
    tenant       text        not null,
    request_id   uuid        not null,
    type         text        not null,
    status       text        not null,
    requested_at timestamptz not null,
    requested_by text,
    person_ids   uuid[]      not null default '{}',
    received_at  timestamptz not null default now(),
    completed_at timestamptz,
    primary key (tenant, request_id)
);
create index subject_request_by_time on subject_request (tenant, requested_at desc);

-- One row per service that confirmed an erasure (identity's own included).
create table erasure_confirmation (
    tenant       text        not null,
    request_id   uuid        not null,
    service      text        not null,
    confirmed_at timestamptz not null,
    erased_rows  bigint      not null,
    primary key (tenant, request_id, service)
);

-- HMAC (tenant-keyed) of each erased identifier: a replayed or late event carrying it is dropped instead of
-- re-creating the person. The digest is not the match key, so the tombstone does not keep the identifier.
create table erasure_tombstone (
    tenant     text        not null,
    digest     text        not null,
    request_id uuid        not null,
    created_at timestamptz not null default now(),
    primary key (tenant, digest)
);

-- Events dropped because they carried an erased identifier: anonymous counts per day.
create table erasure_dropped (
    tenant text   not null,
    day    date   not null,
    events bigint not null,
    primary key (tenant, day)
);

-- person_event (every stitched event of a person) comes from V2; access exports and retention read it.

-- Export hashes seen on a person's events: a request may name a person by them, and erasure passes them on.
create table person_export_hash (
    tenant        text        not null,
    person_id     uuid        not null,
    kind          text        not null,
    hash          text        not null,
    first_seen_at timestamptz not null default now(),
    primary key (tenant, person_id, kind, hash)
);
create index person_export_hash_by_hash on person_export_hash (tenant, hash);

-- Per-tenant retention of person-level data; the configured default applies without a row.
create table retention_setting (
    tenant      text        primary key,
    person_days int         not null check (person_days > 0),
    updated_at  timestamptz not null default now(),
    updated_by  text
);
