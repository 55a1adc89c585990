package io.closeloop.reporting.repository;

/**
 * The statements that keep {@code credit_conversion} (see its migration) equal to what the stored credit sets and
 * each conversion's linear set say, plain text so that the benchmark fills the table exactly as the service does.
 * Rows are per conversion, so a change replaces them instead of adding to sums. The first row of each set, and of
 * each of its channels, among all its rows and among those with a base amount, is marked: a view that takes whole
 * sets or channels counts a conversion once by reading only those.
 */
public final class CreditConversionSql {

    private static final String INSERT = "insert into credit_conversion (tenant, model_id, conversion_id, channel,"
            + " campaign, day, conversion_time, currency, matched, based, unbased_credit_minor, path_touches,"
            + " first_touch_time, first_in_set, first_in_channel, first_based_in_set, first_based_in_channel)"
            + " select r.*, " + first("") + " = 1, " + first(", r.channel") + " = 1,"
            + " r.based and " + first(", r.based") + " = 1, r.based and " + first(", r.channel, r.based") + " = 1"
            + " from (select s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, '') as campaign,"
            + " cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date), s.conversion_time,"
            + " s.currency, s.matched, bool_or(l.base_credit_minor is not null or s.value_minor = 0) as based,"
            + " sum(l.credit_minor) filter (where l.base_credit_minor is null and s.value_minor <> 0),"
            + " p.touch_count, p.first_touch_time"
            + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
            + " and l.model_id = s.model_id"
            + " left join credit_set p on p.tenant = s.tenant and p.conversion_id = s.conversion_id"
            + " and p.model_id = 'linear' and p.status <> 'withdrawn'"
            + " left join tenant_zone z on z.tenant = s.tenant where s.status <> 'withdrawn' and s.tenant = ?1";
    private static final String GROUP = " group by s.tenant, s.model_id, s.conversion_id, l.channel,"
            + " coalesce(l.campaign, ''), z.time_zone, s.conversion_time, s.currency, s.matched, p.touch_count,"
            + " p.first_touch_time) r";

    /** Forgets a set's rows (?1 tenant, ?2 conversion, ?3 model), before {@link #ADD_SET} files its new version. */
    public static final String DELETE_SET = "delete from credit_conversion"
            + " where tenant = ?1 and conversion_id = ?2 and model_id = ?3";
    /** Files the stored set (?1 tenant, ?2 conversion, ?3 model). */
    public static final String ADD_SET = INSERT + " and s.conversion_id = ?2 and s.model_id = ?3" + GROUP;
    /** Copies the conversion's (?2) linear set, or its absence, onto its rows under every model (?1 tenant). */
    public static final String REFILE_PATH = "update credit_conversion c set (path_touches, first_touch_time) ="
            + " (select p.touch_count, p.first_touch_time from credit_set p where p.tenant = c.tenant"
            + " and p.conversion_id = c.conversion_id and p.model_id = 'linear' and p.status <> 'withdrawn')"
            + " where c.tenant = ?1 and c.conversion_id = ?2";
    /** Forgets a tenant's rows (?1), before {@link #ADD_TENANT} files them again in its current zone. */
    public static final String CLEAR_TENANT = "delete from credit_conversion where tenant = ?1";
    /** Files every stored set of a tenant (?1). */
    public static final String ADD_TENANT = INSERT + GROUP;

    private CreditConversionSql() {
    }

    /** The row's place among its set's rows (in {@code partition} too), in channel and campaign order. */
    private static String first(String partition) {
        return "row_number() over (partition by r.tenant, r.model_id, r.conversion_id" + partition
                + " order by r.channel, r.campaign)";
    }
}
