-- Compliance requests ingest forwarded: ids only (the identifiers travel hashed on compliance.requests and are not
-- kept here), so a re-sent request with the same Idempotency-Key is forwarded once.
create table compliance_request (
    tenant       text        not null,
    request_id   uuid        not null,
    type         text        not null,
    requested_by text        not null,
    requested_at timestamptz not null,
    primary key (tenant, request_id)
);
