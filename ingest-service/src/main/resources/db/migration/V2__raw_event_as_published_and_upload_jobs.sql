-- Replay republishes a raw event exactly as it was first published: topic, key and headers join the payload.
-- Rows stored before this version were touchpoints and conversions keyed by event id.
alter table raw_event add column topic text;
alter table raw_event add column record_key text;
alter table raw_event add column headers text;
update raw_event set topic = case kind when 'touchpoint' then 'touchpoints.raw' else 'conversions.raw' end,
                     record_key = tenant || ':' || event_id,
                     headers = json_build_object('event-id', event_id::text,
                                                 'event-type', kind || '.raw',
                                                 'tenant', tenant,
                                                 'schema-version', '1')::text;
alter table raw_event alter column topic set not null;
alter table raw_event alter column record_key set not null;
alter table raw_event alter column headers set not null;

-- A large upload: spooled to a file, then read in chunks; counts move with every committed chunk.
create table upload_job (
    tenant          text        not null,
    job_id          uuid        not null,
    kind            text        not null,
    content_type    text        not null,
    state           text        not null,
    bytes_total     bigint      not null,
    bytes_read      bigint      not null default 0,
    rows_read       bigint      not null default 0,
    accepted        bigint      not null default 0,
    duplicate       bigint      not null default 0,
    rejected        bigint      not null default 0,
    errors          text        not null default '[]',
    failure         text,
    id_basis        text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant, job_id)
);
