package io.closeloop.reporting.repository;

/**
 * The statements that keep {@code credit_day} (see its migration) equal to the sums of the stored credit lines,
 * plain text so that the benchmark fills the table exactly as the service does. Each adds or subtracts what stored
 * sets contribute, grouped by the table's key: a set is subtracted before its lines or its conversion's flags
 * change, and added again after.
 */
public final class CreditDaySql {

    private static final String COLUMNS = "insert into credit_day (tenant, model_id, day, channel, campaign,"
            + " currency, amount_kind, lines, credit_minor, base_credit_minor, fractional_conversions,"
            + " valued_conversions, offline_conversions, lead_conversions)";
    private static final String KEYS = "select s.tenant, s.model_id,"
            + " cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date), l.channel,"
            + " coalesce(l.campaign, ''), s.currency,"
            + " case when l.base_credit_minor is not null then 'b' when s.value_minor = 0 then 'z' else 'o' end, ";
    private static final String FROM = " from credit_set s join credit_line l on l.tenant = s.tenant"
            + " and l.conversion_id = s.conversion_id and l.model_id = s.model_id"
            + " left join conversion_fact f on f.tenant = s.tenant and f.conversion_id = s.conversion_id"
            + " left join tenant_zone z on z.tenant = s.tenant where s.status <> 'withdrawn' and s.tenant = ?1";
    private static final String GROUP = " group by 1, 2, 3, 4, 5, 6, 7";
    private static final String MERGE = " on conflict (tenant, model_id, day, channel, campaign, currency,"
            + " amount_kind) do update set lines = credit_day.lines + excluded.lines,"
            + " credit_minor = credit_day.credit_minor + excluded.credit_minor,"
            + " base_credit_minor = credit_day.base_credit_minor + excluded.base_credit_minor,"
            + " fractional_conversions = credit_day.fractional_conversions + excluded.fractional_conversions,"
            + " valued_conversions = credit_day.valued_conversions + excluded.valued_conversions,"
            + " offline_conversions = credit_day.offline_conversions + excluded.offline_conversions,"
            + " lead_conversions = credit_day.lead_conversions + excluded.lead_conversions";

    /** Adds the stored set (?1 tenant, ?2 conversion, ?3 model). */
    public static final String ADD_SET = merge("", " and s.conversion_id = ?2 and s.model_id = ?3");
    /** Subtracts the stored set (?1 tenant, ?2 conversion, ?3 model) when a higher version (?4) replaces it. */
    public static final String SUBTRACT_REPLACED_SET = merge("-",
            " and s.conversion_id = ?2 and s.model_id = ?3 and s.set_version < ?4");
    /** Adds every stored set of a conversion (?1 tenant, ?2 conversion). */
    public static final String ADD_CONVERSION = merge("", " and s.conversion_id = ?2");
    /** Subtracts every stored set of a conversion (?1 tenant, ?2 conversion). */
    public static final String SUBTRACT_CONVERSION = merge("-", " and s.conversion_id = ?2");
    /** Forgets a tenant's days (?1), before {@link #ADD_TENANT} files them again in its current zone. */
    public static final String CLEAR_TENANT = "delete from credit_day where tenant = ?1";
    /** Adds every stored set of a tenant (?1). */
    public static final String ADD_TENANT = merge("", "");

    private CreditDaySql() {
    }

    private static String merge(String sign, String where) {
        return COLUMNS + KEYS + sign + "count(*), " + sign + "sum(l.credit_minor), " + sign
                + "coalesce(sum(l.base_credit_minor), 0), " + sign + "sum(l.fractional_conversions), " + sign
                + "coalesce(sum(l.fractional_conversions) filter (where s.value_minor > 0), 0), " + sign
                + "coalesce(sum(l.fractional_conversions) filter (where f.offline), 0), " + sign
                + "coalesce(sum(l.fractional_conversions) filter (where f.lead), 0)" + FROM + where + GROUP + MERGE;
    }
}
