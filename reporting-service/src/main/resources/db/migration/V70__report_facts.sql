-- What the metric views need beyond the credited revenue. Versioned and additive: nothing is dropped.

-- The tenant's base currency, from the tenants topic, names the currency of every report total.
alter table tenant_zone add column base_currency char(3);

-- Credit sets of schema 3: matched flag and base-currency amounts; a set without a rate keeps rate_missing.
-- touch_count and first_touch_time summarize the set's lines (the linear set's give the path length and the
-- time to convert); no touch id is kept.
alter table credit_set add column matched boolean;
alter table credit_set add column base_currency char(3);
alter table credit_set add column base_value_minor bigint;
alter table credit_set add column rate_missing boolean not null default false;
alter table credit_set add column touch_count int not null default 0;
alter table credit_set add column first_touch_time timestamptz;
alter table credit_line add column base_credit_minor bigint;
alter table credit_line add column touch_time timestamptz;

-- The latest spend per tenant, day, channel and campaign ('' for none): a corrected day replaces the figure.
create table spend_day (
    tenant               text        not null,
    day                  date        not null,
    channel              text        not null,
    campaign             text        not null,
    source               text,
    medium               text,
    platform_campaign_id text,
    currency             char(3)     not null,
    amount_minor         bigint      not null,
    base_currency        char(3),
    base_amount_minor    bigint,
    received_at          timestamptz,
    stored_at            timestamptz not null default now(),
    primary key (tenant, day, channel, campaign)
);

-- Per conversion: whether it came from an offline kind and whether it ever was a lead. No person id.
create table conversion_fact (
    tenant        text        not null,
    conversion_id text        not null,
    offline       boolean     not null,
    lead          boolean     not null,
    stored_at     timestamptz not null default now(),
    primary key (tenant, conversion_id)
);

-- The first time each conversion reached a funnel stage (a later stage implies the earlier ones).
create table lead_stage (
    tenant        text        not null,
    conversion_id text        not null,
    stage         text        not null,
    reached_at    timestamptz not null,
    primary key (tenant, conversion_id, stage)
);
create index lead_stage_report on lead_stage (tenant, reached_at);

-- Touches per tenant-zone day, channel and campaign ('' for none); suppressed = consent did not grant measurement.
create table touch_day (
    tenant     text   not null,
    day        date   not null,
    channel    text   not null,
    campaign   text   not null,
    touches    bigint not null default 0,
    suppressed bigint not null default 0,
    primary key (tenant, day, channel, campaign)
);

-- Source and medium values of touches grouped unassigned, per day.
create table unknown_utm_day (
    tenant  text   not null,
    day     date   not null,
    field   text   not null,
    value   text   not null,
    touches bigint not null default 0,
    primary key (tenant, day, field, value)
);

-- Where each touch was counted, so a reclassified version moves its count instead of adding one. The key is a
-- SHA-256 of tenant and touch id: neither a touch id nor a person id is stored.
create table touch_count_ref (
    tenant     text    not null,
    touch_key  bytea   not null,
    day        date    not null,
    channel    text    not null,
    campaign   text    not null,
    source     text,
    medium     text,
    measured   boolean not null,
    primary key (tenant, touch_key)
);

