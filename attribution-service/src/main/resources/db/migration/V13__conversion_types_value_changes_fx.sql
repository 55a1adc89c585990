-- What ingest's conversion type says about each version: whether it counts as a conversion, and its lookback.
alter table conversion add column counts boolean not null default true;
alter table conversion add column lookback_days int check (lookback_days > 0);

-- How versions of one conversion are ordered: the source's update time, ingest's per-tenant sequence, then the
-- version's own time (version_at; occurred_at stays the conversion's time when a value change keeps it).
alter table conversion add column source_updated_at timestamptz;
alter table conversion add column ingest_sequence bigint;
alter table conversion add column version_at timestamptz;
update conversion set version_at = occurred_at;
alter table conversion alter column version_at set not null;

-- Conversions still waiting for an FX rate to their base currency, found when a rate arrives.
create index conversion_without_base on conversion (tenant, currency) where base_value_minor is null;

-- The tenant's base currency and time zone as last announced on tenants (days of FX rates are cut in it).
create table tenant_currency (
    tenant        text    not null primary key,
    base_currency char(3) not null,
    time_zone     text    not null
);

-- FX rates from fx.rates: rate units of base_currency per unit of currency, from day on.
create table fx_rate (
    tenant        text    not null,
    currency      char(3) not null,
    base_currency char(3) not null,
    day           date    not null,
    rate          numeric not null check (rate > 0),
    primary key (tenant, currency, base_currency, day)
);
