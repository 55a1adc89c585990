-- The audit chain: append-only entries per tenant, each carrying the hash of the one before it
-- (io.closeloop.identity.domain.AuditHash documents the hashed encoding). Entries name random person
-- and event ids only, never identifiers, so erasure leaves the chain intact and unlinkable.
create table audit_entry (
    tenant             text        not null,
    seq                bigint      not null,
    occurred_at        timestamptz not null,
    recorded_at        timestamptz not null,
    action             text        not null,
    person_id          uuid,
    related_person_ids uuid[]      not null default '{}',
    event_id           uuid,
    related_event_ids  uuid[]      not null default '{}',
    purpose            text,
    outcome            text,
    reason             text,
    details            jsonb       not null default '{}',
    prev_hash          text        not null,
    hash               text        not null,
    primary key (tenant, seq),
    check (seq > 0)
);
create index audit_entry_by_person on audit_entry (tenant, person_id) where person_id is not null;
create index audit_entry_by_related_person on audit_entry using gin (related_person_ids);
create index audit_entry_by_time on audit_entry (tenant, occurred_at);

-- The newest entry per tenant, outside the entry table: deleting the newest entries leaves the head
-- pointing past the chain's end. Appends lock this row (FOR UPDATE) and update it in their transaction,
-- which serializes them per tenant.
create table audit_head (
    tenant     text        primary key,
    seq        bigint      not null,
    hash       text        not null,
    updated_at timestamptz not null default now()
);

-- Append-only for the service: the service role owns its database, so it revokes its own right to change
-- or remove entries. An owner could grant the rights back; a deployment that runs migrations as a separate
-- owner role keeps them from the service role for good.
revoke update, delete, truncate on audit_entry from current_user;
