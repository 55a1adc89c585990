-- Merges the over-merge guard held back, for an admin to approve or reject.
create table merge_review (
    tenant          text        not null,
    review_id       uuid        not null,
    event_id        uuid        not null,
    person_id       uuid        not null,
    other_person_id uuid        not null,
    rule            text        not null,
    status          text        not null default 'pending',
    created_at      timestamptz not null default now(),
    decided_at      timestamptz,
    decided_by      text,
    primary key (tenant, review_id)
);
create index merge_review_pending on merge_review (tenant, created_at) where status = 'pending';
