-- Journeys: touches (only those whose consent allowed measurement) and conversions, per person.
create table journey_touch (
    tenant       text        not null,
    event_id     uuid        not null,
    person_id    uuid        not null,
    occurred_at  timestamptz not null,
    channel      text        not null,
    utm_source   text,
    utm_medium   text,
    utm_campaign text,
    stored_at    timestamptz not null default now(),
    primary key (tenant, event_id)
);
create index journey_touch_person on journey_touch (tenant, person_id, occurred_at);

-- The winning version of each conversion: latest occurred_at, then greatest event id.
create table conversion (
    tenant          text        not null,
    conversion_id   text        not null,
    event_id        uuid        not null,
    person_id       uuid        not null,
    conversion_type text,
    status          text        not null,
    occurred_at     timestamptz not null,
    source_zone     text,
    value_minor     bigint      not null check (value_minor >= 0),
    currency        char(3)     not null,
    stored_at       timestamptz not null default now(),
    primary key (tenant, conversion_id)
);
create index conversion_person on conversion (tenant, person_id, occurred_at);

-- The last published credit set per (tenant, conversion, model): its version sequence and a fingerprint
-- of its content, so that only a changed result is published again.
create table credit_set (
    tenant               text        not null,
    conversion_id        text        not null,
    model_id             text        not null,
    set_version          bigint      not null check (set_version > 0),
    model_config_version int         not null,
    status               text        not null,
    fingerprint          text        not null,
    published_at         timestamptz not null,
    primary key (tenant, conversion_id, model_id)
);
