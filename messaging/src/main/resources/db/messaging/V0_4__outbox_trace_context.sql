-- The W3C trace context of the request or consumed record that wrote an outbox row, so that the relay publishes
-- the record inside the same trace. Null for rows written outside a trace (old rows, jobs, tests).
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate text;
