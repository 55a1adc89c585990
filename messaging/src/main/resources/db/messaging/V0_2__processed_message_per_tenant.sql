-- Event ids are unique per tenant only (a client may choose its own, and ingest deduplicates per tenant), so two
-- tenants may send the same id: a consumer remembers what it processed per tenant, or it would drop one tenant's
-- event as the other's duplicate.
alter table processed_message drop constraint processed_message_pkey;
alter table processed_message add primary key (consumer, tenant, event_id);
