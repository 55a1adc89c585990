-- What the metric views read on the touch date, kept at credit intake like credit_day and credit_conversion (see
-- V72, V73) but filed by the tenant-zone day of each line's touch (of the conversion for a line without one).
-- credit_touch_day has credit_day's sums; credit_touch_conversion has credit_conversion's rows, one more per day a
-- set's lines with the same channel and campaign fall on. A set's rows span days, so instead of first-row marks each
-- row keeps the day of the set's row before it (day, channel, campaign order) overall, in its channel, among the
-- rows with a base amount, and among those in its channel (null for the first, and for a row without a base amount):
-- a view counts a conversion once per group by reading the rows whose previous day lies before the group's first day.
create table credit_touch_day (like credit_day including all);

-- credit_conversion's columns but the first-row marks, one row per day.
create table credit_touch_conversion (like credit_conversion);
alter table credit_touch_conversion drop column first_in_set, drop column first_in_channel,
    drop column first_based_in_set, drop column first_based_in_channel, add column prev_in_set date,
    add column prev_in_channel date, add column prev_based_in_set date, add column prev_based_in_channel date,
    add primary key (tenant, conversion_id, model_id, channel, campaign, day);

-- The stored credit sets' sums and rows (the statements of CreditDaySql.TOUCH_DAY and CreditConversionSql.TOUCH_DAY,
-- for every tenant).
insert into credit_touch_day (tenant, model_id, day, channel, campaign, currency, amount_kind, lines, credit_minor,
        base_credit_minor, fractional_conversions, valued_conversions, offline_conversions, lead_conversions)
select s.tenant, s.model_id, cast(timezone(coalesce(z.time_zone, 'UTC'), coalesce(l.touch_time, s.conversion_time))
           as date), l.channel, coalesce(l.campaign, ''), s.currency,
       case when l.base_credit_minor is not null then 'b' when s.value_minor = 0 then 'z' else 'o' end, count(*),
       sum(l.credit_minor), coalesce(sum(l.base_credit_minor), 0), sum(l.fractional_conversions),
       coalesce(sum(l.fractional_conversions) filter (where s.value_minor > 0), 0),
       coalesce(sum(l.fractional_conversions) filter (where f.offline), 0),
       coalesce(sum(l.fractional_conversions) filter (where f.lead), 0)
from credit_set s
join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id and l.model_id = s.model_id
left join conversion_fact f on f.tenant = s.tenant and f.conversion_id = s.conversion_id
left join tenant_zone z on z.tenant = s.tenant
where s.status <> 'withdrawn'
group by 1, 2, 3, 4, 5, 6, 7;

insert into credit_touch_conversion (tenant, model_id, conversion_id, channel, campaign, day, conversion_time,
        currency, matched, based, unbased_credit_minor, path_touches, first_touch_time, prev_in_set, prev_in_channel,
        prev_based_in_set, prev_based_in_channel)
select r.*,
       lag(r.day) over (partition by r.tenant, r.model_id, r.conversion_id order by r.day, r.channel, r.campaign),
       lag(r.day) over (partition by r.tenant, r.model_id, r.conversion_id, r.channel
           order by r.day, r.channel, r.campaign),
       case when r.based then lag(r.day) over (partition by r.tenant, r.model_id, r.conversion_id, r.based
           order by r.day, r.channel, r.campaign) end,
       case when r.based then lag(r.day) over (partition by r.tenant, r.model_id, r.conversion_id, r.channel, r.based
           order by r.day, r.channel, r.campaign) end
from (select s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, '') as campaign,
             cast(timezone(coalesce(z.time_zone, 'UTC'), coalesce(l.touch_time, s.conversion_time)) as date) as day,
             s.conversion_time, s.currency, s.matched,
             bool_or(l.base_credit_minor is not null or s.value_minor = 0) as based,
             sum(l.credit_minor) filter (where l.base_credit_minor is null and s.value_minor <> 0),
             p.touch_count, p.first_touch_time
      from credit_set s
      join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id and l.model_id = s.model_id
      left join credit_set p on p.tenant = s.tenant and p.conversion_id = s.conversion_id and p.model_id = 'linear'
          and p.status <> 'withdrawn'
      left join tenant_zone z on z.tenant = s.tenant
      where s.status <> 'withdrawn'
      group by s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, ''), z.time_zone,
               s.conversion_time, s.currency, s.matched, p.touch_count, p.first_touch_time,
               cast(timezone(coalesce(z.time_zone, 'UTC'), coalesce(l.touch_time, s.conversion_time)) as date)) r;

-- Indexed after the backfill, as credit_conversion is: a range of days, in day or in channel order, from the index
-- alone; withoutRate reads only the rows with lines that have no base amount.
create index credit_touch_conversion_report on credit_touch_conversion (tenant, model_id, day) include (channel,
    campaign, conversion_id, conversion_time, matched, currency, based, unbased_credit_minor, path_touches,
    first_touch_time, prev_in_set, prev_in_channel, prev_based_in_set, prev_based_in_channel);
create index credit_touch_conversion_channel on credit_touch_conversion (tenant, model_id, channel, day) include (
    campaign, conversion_id, conversion_time, matched, currency, based, path_touches, first_touch_time, prev_in_set,
    prev_in_channel, prev_based_in_set, prev_based_in_channel);
create index credit_touch_conversion_unbased on credit_touch_conversion (tenant, model_id, day)
    include (currency, conversion_id, unbased_credit_minor) where unbased_credit_minor is not null;
