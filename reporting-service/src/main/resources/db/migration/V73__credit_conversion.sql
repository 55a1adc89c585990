-- What the whole-conversion figures (match rate, path length, time to convert) and withoutRate need, kept at credit
-- intake so that the metric views read one narrow row per conversion and line group instead of the credit lines and
-- the conversion's linear set. One row per tenant, model, conversion, channel and campaign ('' for none) of the
-- stored (not withdrawn) set's lines, with the tenant-zone day and the time of the conversion, the set's currency and
-- matched flag; based: a line of the row counts in any base currency (it has a base credit, or the set's value is
-- 0); unbased_credit_minor: the credit of the row's other lines (null when it has none), which count only when the
-- set's currency is the base currency and are withoutRate otherwise; path_touches and first_touch_time: those of
-- the conversion's linear set (null without one). A restated set replaces its rows; a restated linear set restates
-- the path of the conversion's rows under every model; a zone change files the tenant's rows again. first_in_set,
-- first_in_channel: the first row (channel, campaign order) of the set, and of the set in the row's channel;
-- first_based_in_set, first_based_in_channel: the same among the rows that are based. A view whose groups take whole
-- sets or channels of a set counts each conversion once by reading only the first rows that count.
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
    first_in_set           boolean not null,
    first_in_channel       boolean not null,
    first_based_in_set     boolean not null,
    first_based_in_channel boolean not null,
    primary key (tenant, conversion_id, model_id, channel, campaign)
);

-- The stored credit sets' rows (the same statement as CreditConversionSql.ADD_TENANT, for every tenant).
insert into credit_conversion (tenant, model_id, conversion_id, channel, campaign, day, conversion_time, currency,
        matched, based, unbased_credit_minor, path_touches, first_touch_time, first_in_set, first_in_channel,
        first_based_in_set, first_based_in_channel)
select r.*,
       row_number() over (partition by r.tenant, r.model_id, r.conversion_id order by r.channel, r.campaign) = 1,
       row_number() over (partition by r.tenant, r.model_id, r.conversion_id, r.channel
           order by r.channel, r.campaign) = 1,
       r.based and row_number() over (partition by r.tenant, r.model_id, r.conversion_id, r.based
           order by r.channel, r.campaign) = 1,
       r.based and row_number() over (partition by r.tenant, r.model_id, r.conversion_id, r.channel, r.based
           order by r.channel, r.campaign) = 1
from (select s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, '') as campaign,
             cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date), s.conversion_time, s.currency,
             s.matched, bool_or(l.base_credit_minor is not null or s.value_minor = 0) as based,
             sum(l.credit_minor) filter (where l.base_credit_minor is null and s.value_minor <> 0),
             p.touch_count, p.first_touch_time
      from credit_set s
      join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id and l.model_id = s.model_id
      left join credit_set p on p.tenant = s.tenant and p.conversion_id = s.conversion_id and p.model_id = 'linear'
          and p.status <> 'withdrawn'
      left join tenant_zone z on z.tenant = s.tenant
      where s.status <> 'withdrawn'
      group by s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, ''), z.time_zone,
               s.conversion_time, s.currency, s.matched, p.touch_count, p.first_touch_time) r;

-- Indexed after the backfill (faster than row by row). Covers the views' reads: a range of days is read from the
-- index alone.
create index credit_conversion_report on credit_conversion (tenant, model_id, day) include (channel, campaign,
    conversion_id, conversion_time, matched, currency, based, unbased_credit_minor, path_touches, first_touch_time,
    first_in_set, first_in_channel, first_based_in_set, first_based_in_channel);
-- The same in channel order, so a view grouped by channel reads its groups in order instead of sorting the rows.
create index credit_conversion_channel on credit_conversion (tenant, model_id, channel, day) include (campaign,
    conversion_time, matched, currency, based, path_touches, first_touch_time, first_in_set, first_in_channel,
    first_based_in_set, first_based_in_channel);
-- withoutRate reads only the rows with lines that have no base amount (few: sets without a rate).
create index credit_conversion_unbased on credit_conversion (tenant, model_id, day)
    include (currency, conversion_id, unbased_credit_minor) where unbased_credit_minor is not null;
