-- Messaging tables shared by every service. Versions 0.x belong to the messaging module; each
-- service numbers its own migrations from 1, and runs Flyway with out-of-order on so that a later
-- messaging migration still applies.

-- Events waiting for the relay. Written in the same transaction as the business change they announce.
create table outbox_event (
    seq         bigserial primary key,
    event_id    uuid        not null,
    tenant      text        not null,
    topic       text        not null,
    record_key  text        not null,
    payload     text        not null,
    headers     text        not null,
    created_at  timestamptz not null default now()
);

-- One row per consumed event, written in the same transaction as its effect: redelivery is harmless.
create table processed_message (
    consumer     text        not null,
    event_id     uuid        not null,
    tenant       text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
