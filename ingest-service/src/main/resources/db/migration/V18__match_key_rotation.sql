-- Rotating a tenant's secret: ingest keeps no clear names, so stored match features cannot be re-encoded.
-- While previous_until lies ahead, match features are encoded under both the current and the previous key
-- (one set per key id), so identity can compare new events with stored ones of either key.
alter table tenant_secret add column previous_hmac_key bytea;
alter table tenant_secret add column previous_until timestamptz;
