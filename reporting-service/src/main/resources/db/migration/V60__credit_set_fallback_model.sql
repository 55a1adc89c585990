-- The rule-based model that credited a data-driven set instead of its fit (from the credit set), so a report
-- can say how many of its conversions a fallback credited. Null when the fit credited, and for rule-based sets.
alter table credit_set add column fallback_model_id text;
