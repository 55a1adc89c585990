-- Orders the versions of one conversion that the source's own update time does not: a number taken when the event
-- is stored, increasing (across tenants, so within each), published on conversions as ingestSequence and kept in
-- the payload, so replay sends the same number. Events stored before this version get one in storage order.
create sequence raw_event_ingest_sequence;
alter table raw_event add column ingest_sequence bigint not null default nextval('raw_event_ingest_sequence');

-- The OIDC client that sent an upload: its events are stamped with it like those sent in one request.
alter table upload_job add column source_client text;
