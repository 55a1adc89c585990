-- Persons are random ids, never derived from identifiers.
create table person (
    tenant      text        not null,
    person_id   uuid        not null,
    touch_count bigint      not null default 0,
    created_at  timestamptz not null default now(),
    primary key (tenant, person_id)
);

-- Which person an identifier (match key or system id) points to. One owner per identifier and tenant:
-- the primary key also settles concurrent creation.
create table identifier (
    tenant        text        not null,
    kind          text        not null,
    value         text        not null,
    person_id     uuid        not null,
    trust         text        not null,
    first_seen_at timestamptz not null default now(),
    primary key (tenant, kind, value),
    foreign key (tenant, person_id) references person (tenant, person_id)
);
create index identifier_by_person on identifier (tenant, person_id);
