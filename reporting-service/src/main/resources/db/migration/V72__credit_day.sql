-- The credited sums of each tenant, model, day (in the tenant's zone), channel, campaign ('' for none), set currency
-- and kind of amount, kept at credit intake so that the metric views read days instead of every credit line.
-- amount_kind says which amount counts in the base currency: 'b' the lines' base credit, 'z' none needed (a set of
-- value 0), 'o' the credit itself when the set's currency is the base currency at report time. A restated set
-- subtracts what its stored version added; a conversion's offline or lead flag moves its sums; a zone change
-- rebuilds the tenant's days. Rows left at zero lines are kept and skipped by the reports.
create table credit_day (
    tenant                 text    not null,
    model_id               text    not null,
    day                    date    not null,
    channel                text    not null,
    campaign               text    not null,
    currency               char(3) not null,
    amount_kind            char(1) not null,
    lines                  bigint  not null,
    credit_minor           numeric not null,
    base_credit_minor      numeric not null,
    fractional_conversions numeric not null,
    valued_conversions     numeric not null,
    offline_conversions    numeric not null,
    lead_conversions       numeric not null,
    primary key (tenant, model_id, day, channel, campaign, currency, amount_kind)
);

-- The stored credit sets' sums (the same statement as CreditDaySql.REBUILD, for every tenant).
insert into credit_day (tenant, model_id, day, channel, campaign, currency, amount_kind, lines, credit_minor,
        base_credit_minor, fractional_conversions, valued_conversions, offline_conversions, lead_conversions)
select s.tenant, s.model_id, cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date), l.channel,
       coalesce(l.campaign, ''), s.currency,
       case when l.base_credit_minor is not null then 'b' when s.value_minor = 0 then 'z' else 'o' end,
       count(*), sum(l.credit_minor), coalesce(sum(l.base_credit_minor), 0), sum(l.fractional_conversions),
       coalesce(sum(l.fractional_conversions) filter (where s.value_minor > 0), 0),
       coalesce(sum(l.fractional_conversions) filter (where f.offline), 0),
       coalesce(sum(l.fractional_conversions) filter (where f.lead), 0)
from credit_set s
join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id and l.model_id = s.model_id
left join conversion_fact f on f.tenant = s.tenant and f.conversion_id = s.conversion_id
left join tenant_zone z on z.tenant = s.tenant
where s.status <> 'withdrawn'
group by 1, 2, 3, 4, 5, 6, 7;
