-- Outbox rows the broker refuses for good (too large, invalid). The relay moves such a row here with the reason
-- and publishes the rest of its batch, so one record never stalls publishing for every tenant. The payload is
-- kept so that an operator can fix and republish it; logs carry only the reason and the row's coordinates.
create table outbox_dead_letter (
    seq           bigint      primary key,
    event_id      uuid        not null,
    tenant        text        not null,
    topic         text        not null,
    record_key    text        not null,
    headers       text        not null,
    payload       text        not null,
    record_bytes  integer     not null,
    reason        text        not null,
    created_at    timestamptz not null,
    dead_at       timestamptz not null default now()
);

create index outbox_dead_letter_tenant on outbox_dead_letter (tenant, dead_at);
