-- Time to convert kept with each conversion-date row: the hours from the first touch of the conversion's linear set
-- to the conversion (null without one), so that the percentiles of a view whose range holds all of a model's rows
-- can read them in that order from an index. PostgreSQL's sort checks whether its input is already in order and then
-- takes a single pass instead of sorting some 200,000 values per statement (the largest cost of the 12-month views).
-- A generated column cannot drift from conversion_time and first_touch_time, which intake and a restated linear set
-- keep as before.
alter table credit_conversion add column ttc_hours float8
    generated always as (date_part('epoch', conversion_time - first_touch_time) / 3600) stored;

-- A range of days from the index alone, now with the hours instead of the two times.
create index credit_conversion_day on credit_conversion (tenant, model_id, day) include (channel, campaign,
    conversion_id, matched, currency, based, unbased_credit_minor, path_touches, ttc_hours, first_in_set,
    first_in_channel, first_based_in_set, first_based_in_channel);
drop index credit_conversion_report;

-- The rows in order of their hours, for the total and per channel (MetricSql orders by hours only when the range
-- holds all of the model's rows; other ranges read the day index). Each holds only what its statements read: smaller
-- than the day index, a full read of it costs the planner less than reading that one and sorting.
create index credit_conversion_total_hours on credit_conversion (tenant, model_id, ttc_hours) include (day, currency,
    matched, path_touches, first_in_set, first_based_in_set);
create index credit_conversion_channel_hours on credit_conversion (tenant, model_id, channel, ttc_hours) include (day,
    currency, matched, path_touches, first_in_channel, first_based_in_channel);
drop index credit_conversion_channel;
