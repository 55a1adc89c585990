-- The period a fit covered (the data's own, not the wall clock's) and the channel-level comparison of its
-- shares with what crediting each conversion on its own path gives (JSON list, see FitView).
alter table model_fit add column period_from timestamptz;
alter table model_fit add column period_to timestamptz;
alter table model_fit add column channel_shares text;

-- Restatements (after a fit or a settings change; kind says which) run as jobs in batches, each batch its own
-- transaction.
-- The cursor is the (occurred_at, conversion_id) of the last conversion done, so a job resumes after a crash
-- where its last committed batch ended; heartbeat tells a live runner from a dead one.
create table restatement_job (
    id                  uuid        primary key,
    tenant              text        not null,
    kind                text        not null,
    model_id            text,
    state               text        not null check (state in ('queued', 'running', 'completed', 'failed')),
    conversions_total   bigint      not null default 0,
    conversions_done    bigint      not null default 0,
    cursor_occurred_at  timestamptz,
    cursor_conversion   text,
    created_at          timestamptz not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    heartbeat_at        timestamptz,
    error               text
);
create index restatement_job_tenant on restatement_job (tenant, created_at);
create index restatement_job_open on restatement_job (state) where state in ('queued', 'running');
