-- A rate values again every conversion in its currency from its day to the next rate's day, with or without a base
-- value: the partial index on conversions without one no longer covers that scan.
create index conversion_currency_time on conversion (tenant, currency, occurred_at);
