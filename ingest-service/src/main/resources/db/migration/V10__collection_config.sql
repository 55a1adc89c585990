-- Collection config an admin manages over the API; every row belongs to one tenant.

-- Call-tracking numbers (E.164) by campaign pool, and the marketing source a call to each stands for.
create table tracking_number (
    tenant     text        not null,
    number     text        not null,
    pool       text        not null,
    source     text        not null,
    medium     text        not null,
    campaign   text,
    channel    text        not null,
    updated_at timestamptz not null default now(),
    primary key (tenant, number)
);
create index tracking_number_pool on tracking_number (tenant, pool);

-- Promo and QR codes (lower case) and their campaign; valid_from/valid_to inclusive, open when null.
create table promo_code (
    tenant     text        not null,
    code       text        not null,
    campaign   text        not null,
    channel    text,
    source     text,
    medium     text,
    valid_from date,
    valid_to   date,
    updated_at timestamptz not null default now(),
    primary key (tenant, code)
);

create table conversion_type (
    tenant                text        not null,
    name                  text        not null,
    counts_as_conversion  boolean     not null,
    counting_stages       text[]      not null,
    default_lookback_days integer     not null,
    value_required        boolean     not null,
    updated_at            timestamptz not null default now(),
    primary key (tenant, name)
);

-- rate units of to_currency per unit of from_currency, from rate_date on; exact decimals.
create table fx_rate (
    tenant        text        not null,
    rate_date     date        not null,
    from_currency char(3)     not null,
    to_currency   char(3)     not null,
    rate          numeric     not null check (rate > 0),
    updated_at    timestamptz not null default now(),
    primary key (tenant, from_currency, to_currency, rate_date)
);

-- Ordered channel rules, evaluated before the default channel groups.
create table channel_rule (
    tenant         text    not null,
    position       integer not null,
    source_regex   text,
    medium_regex   text,
    campaign_regex text,
    channel        text    not null,
    primary key (tenant, position)
);
