-- Every accepted event, hashed, exactly as published: the source for replay. No clear emails or phones.
create table raw_event (
    tenant      text        not null,
    event_id    uuid        not null,
    kind        text        not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null default now(),
    payload     text        not null,
    primary key (tenant, event_id)
);
create index raw_event_replay on raw_event (tenant, occurred_at);

-- Per-tenant HMAC key for match keys.
create table tenant_secret (
    tenant     text        primary key,
    hmac_key   bytea       not null,
    created_at timestamptz not null default now()
);

create table tenant_settings (
    tenant        text        primary key,
    time_zone     text        not null,
    base_currency char(3)     not null,
    phone_region  char(2)     not null,
    updated_at    timestamptz not null
);
