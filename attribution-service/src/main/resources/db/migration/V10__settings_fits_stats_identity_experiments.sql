-- Identity link confidence per touch: tenants may set a minimum below which a touch never counts.
alter table journey_touch add column link_confidence double precision not null default 1;

-- Account mode: the other contacts a deal names; base value for statistics and incrementality.
alter table conversion add column account_person_ids text;
alter table conversion add column base_value_minor bigint check (base_value_minor >= 0);
alter table conversion add column base_currency char(3);

-- Per-tenant model options (JSON of the settings API) and the model-config version they make.
create table tenant_model_settings (
    tenant         text        primary key,
    config_version int         not null check (config_version > 0),
    settings       text        not null,
    updated_at     timestamptz not null
);

-- Versioned fits of the data-driven models.
create table model_fit (
    tenant      text             not null,
    model_id    text             not null,
    version     bigint           not null check (version > 0),
    fitted_at   timestamptz      not null,
    journeys    bigint           not null,
    conversions bigint           not null,
    weights     text             not null,
    primary key (tenant, model_id, version)
);

-- The latest attribution.stats chunk per (tenant, partition, chunk), from every instance.
create table partition_stats (
    tenant      text        not null,
    partition   int         not null,
    chunk       int         not null,
    generation  bigint      not null,
    chunk_count int         not null,
    period_from timestamptz not null,
    period_to   timestamptz not null,
    computed_at timestamptz not null,
    paths       text        not null,
    primary key (tenant, partition, chunk)
);

-- Persons who withdrew measurement: their touches from then on are not used.
create table consent_withdrawal (
    tenant       text        not null,
    person_id    uuid        not null,
    withdrawn_at timestamptz not null,
    primary key (tenant, person_id)
);

-- Holdout assignments: one arm per person and experiment (the latest assignment wins).
create table experiment_assignment (
    tenant        text        not null,
    experiment_id text        not null,
    person_id     uuid        not null,
    event_id      uuid        not null,
    arm           text        not null check (arm in ('control', 'exposed')),
    campaign      text,
    channel       text,
    assigned_at   timestamptz not null,
    primary key (tenant, experiment_id, person_id)
);
create index experiment_assignment_person on experiment_assignment (tenant, person_id);
