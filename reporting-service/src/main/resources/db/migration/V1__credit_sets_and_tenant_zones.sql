-- Each tenant's report time zone, from the tenants topic.
create table tenant_zone (
    tenant      text        primary key,
    time_zone   text        not null,
    updated_at  timestamptz,
    stored_at   timestamptz not null default now()
);

-- The highest version of every credit set (one per tenant, conversion and model). Reports aggregate
-- its lines at query time, in the tenant's zone as it is then, so a zone change or a restatement needs
-- no re-bucketing.
create table credit_set (
    tenant          text        not null,
    conversion_id   text        not null,
    model_id        text        not null,
    set_version     bigint      not null,
    status          text        not null,
    conversion_type text,
    conversion_time timestamptz not null,
    currency        char(3)     not null,
    value_minor     bigint      not null,
    stored_at       timestamptz not null default now(),
    primary key (tenant, conversion_id, model_id)
);
create index credit_set_report on credit_set (tenant, model_id, conversion_time);

-- The lines of the stored version; replaced as a whole when a higher version arrives. Withdrawn sets
-- have none, so their revenue leaves every report.
create table credit_line (
    tenant                 text    not null,
    conversion_id          text    not null,
    model_id               text    not null,
    line_no                int     not null,
    channel                text    not null,
    source                 text,
    medium                 text,
    campaign               text,
    credit_minor           bigint  not null,
    fractional_conversions numeric not null,
    primary key (tenant, conversion_id, model_id, line_no),
    foreign key (tenant, conversion_id, model_id) references credit_set on delete cascade
);
