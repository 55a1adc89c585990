-- A refund travels under its own key and can overtake its conversion's first version. It waits here until that
-- version comes and is then applied (and deleted); one that cannot be applied then stays with its reason.
create table pending_refund (
    tenant            text        not null,
    conversion_id     text        not null,
    event_id          uuid        not null,
    value_minor       bigint      not null,
    currency          char(3)     not null,
    base_value_minor  bigint,
    base_currency     char(3),
    source_updated_at timestamptz,
    ingest_sequence   bigint,
    version_at        timestamptz not null,
    rejected_reason   text,
    primary key (tenant, conversion_id, event_id)
);
