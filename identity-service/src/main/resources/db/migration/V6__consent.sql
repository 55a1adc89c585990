-- Every consent signal, one row per purpose it speaks about, against the person it arrived for.
create table consent_signal (
    tenant      text        not null,
    signal_id   uuid        not null,
    person_id   uuid        not null,
    purpose     text        not null,
    state       text        not null,
    source      text        not null,
    region      text,
    occurred_at timestamptz not null,
    received_at timestamptz not null default now(),
    primary key (tenant, signal_id, person_id, purpose)
);
create index consent_signal_by_person on consent_signal (tenant, person_id, purpose, occurred_at);

-- Tenant defaults per region and purpose, and the basis for server-side sources; built-ins without a row.
create table consent_defaults (
    tenant      text        primary key,
    regions     jsonb       not null,
    server_side jsonb       not null,
    updated_at  timestamptz not null default now()
);

-- Events held back for lack of measurement consent survive only as anonymous counts.
create table consent_suppressed (
    tenant  text   not null,
    day     date   not null,
    channel text   not null,
    events  bigint not null,
    primary key (tenant, day, channel)
);
