-- Channel rules can also look at the referrer's host, the click ids, the touch's kind and its default channel.
alter table channel_rule add column referrer_host_regex text;
alter table channel_rule add column click_id_regex text;
alter table channel_rule add column kind_regex text;
alter table channel_rule add column default_channel_regex text;

-- A reclassification: re-derives stored touches' channels with the current rules, as a job with progress.
create table reclassify_job (
    tenant      text        not null,
    job_id      uuid        not null,
    state       text        not null,
    range_from  timestamptz not null,
    range_to    timestamptz not null,
    revision    text        not null,
    touches_total bigint    not null default 0,
    touches_read bigint     not null default 0,
    changed     bigint      not null default 0,
    published   bigint      not null default 0,
    failure     text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant, job_id)
);
