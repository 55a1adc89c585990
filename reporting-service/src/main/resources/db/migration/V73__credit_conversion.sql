-- What the whole-conversion figures (match rate, path length, time to convert) and withoutRate need, kept at credit
-- intake so that the metric views read one narrow row per conversion and line group instead of the credit lines and
-- the conversion's linear set. One row per tenant, model, conversion, channel and campaign ('' for none) of the
-- stored (not withdrawn) set's lines, with the tenant-zone day and the time of the conversion, the set's currency and
-- matched flag; based: a line of the row counts in any base currency (it has a base credit, or the set's value is
-- 0); unbased_credit_minor: the credit of the row's other lines (null when it has none), which count only when the
-- set's currency is the base currency and are withoutRate otherwise; path_touches and first_touch_time: those of
-- the conversion's linear set (null without one). A restated set replaces its rows; a restated linear set restates
-- the path of the conversion's rows under every model; a zone change files the tenant's rows again.
create table credit_conversion (
    tenant               text        not null,
    model_id             text        not null,
    conversion_id        text        not null,
    channel              text        not null,
    campaign             text        not null,
    day                  date        not null,
    conversion_time      timestamptz not null,
    currency             char(3)     not null,
    matched              boolean,
    based                boolean     not null,
    unbased_credit_minor numeric,
    path_touches         int,
    first_touch_time     timestamptz,
    primary key (tenant, conversion_id, model_id, channel, campaign)
);
-- Covers the views' reads, so a range of days is read from the index alone.
create index credit_conversion_report on credit_conversion (tenant, model_id, day) include (channel, campaign,
    conversion_id, conversion_time, matched, currency, based, unbased_credit_minor, path_touches, first_touch_time);

-- The stored credit sets' rows (the same statement as CreditConversionSql.ADD_TENANT, for every tenant).
insert into credit_conversion (tenant, model_id, conversion_id, channel, campaign, day, conversion_time, currency,
        matched, based, unbased_credit_minor, path_touches, first_touch_time)
select s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, ''),
       cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date), s.conversion_time, s.currency,
       s.matched, bool_or(l.base_credit_minor is not null or s.value_minor = 0),
       sum(l.credit_minor) filter (where l.base_credit_minor is null and s.value_minor <> 0),
       p.touch_count, p.first_touch_time
from credit_set s
join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id and l.model_id = s.model_id
left join credit_set p on p.tenant = s.tenant and p.conversion_id = s.conversion_id and p.model_id = 'linear'
    and p.status <> 'withdrawn'
left join tenant_zone z on z.tenant = s.tenant
where s.status <> 'withdrawn'
group by s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, ''), z.time_zone, s.conversion_time,
         s.currency, s.matched, p.touch_count, p.first_touch_time;
