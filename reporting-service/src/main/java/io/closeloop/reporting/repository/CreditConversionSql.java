package io.closeloop.reporting.repository;

/**
 * The statements that keep {@code credit_conversion} and {@code credit_touch_conversion} (see their migrations) equal
 * to what the stored credit sets and each conversion's linear set say, plain text so that the benchmark fills the
 * tables exactly as the service does. Rows are per conversion, so a change replaces them instead of adding to sums.
 * <p>On the conversion date, the first row of each set, and of each of its channels, among all its rows and among
 * those with a base amount, is marked: a view that takes whole sets or channels counts a conversion once by reading
 * only those. On the touch date a set's rows spread over days, so each row keeps instead the day of the set's row
 * before it (in day, channel and campaign order) in the same four partitions (those among rows with a base amount
 * only on such rows): a row is the first of its set within a range of days when that day is before the range.
 */
public final class CreditConversionSql {

    /**
     * The statements of one table: forget a set's rows (?1 tenant, ?2 conversion, ?3 model) before {@code addSet}
     * files its new version; copy the conversion's (?2) linear set, or its absence, onto its rows under every model
     * (?1 tenant); forget a tenant's rows (?1) before {@code addTenant} files them again in its current zone.
     */
    public record Statements(String deleteSet, String addSet, String refilePath, String clearTenant,
                             String addTenant) {

        static Statements of(String table, String lineTime, String marks, String windows) {
            String insert = "insert into " + table + " (tenant, model_id, conversion_id, channel,"
                    + " campaign, day, conversion_time, currency, matched, based, unbased_credit_minor, path_touches,"
                    + " first_touch_time, " + marks + ") select r.*, " + windows
                    + " from (select s.tenant, s.model_id, s.conversion_id, l.channel,"
                    + " coalesce(l.campaign, '') as campaign, " + day(lineTime) + " as day, s.conversion_time,"
                    + " s.currency, s.matched, bool_or(l.base_credit_minor is not null or s.value_minor = 0) as based,"
                    + " sum(l.credit_minor) filter (where l.base_credit_minor is null and s.value_minor <> 0),"
                    + " p.touch_count, p.first_touch_time"
                    + " from credit_set s join credit_line l on l.tenant = s.tenant"
                    + " and l.conversion_id = s.conversion_id and l.model_id = s.model_id"
                    + " left join credit_set p on p.tenant = s.tenant and p.conversion_id = s.conversion_id"
                    + " and p.model_id = 'linear' and p.status <> 'withdrawn'"
                    + " left join tenant_zone z on z.tenant = s.tenant where s.status <> 'withdrawn' and s.tenant = ?1";
            String group = " group by s.tenant, s.model_id, s.conversion_id, l.channel,"
                    + " coalesce(l.campaign, ''), z.time_zone, s.conversion_time, s.currency, s.matched, p.touch_count,"
                    + " p.first_touch_time" + ("s.conversion_time".equals(lineTime) ? "" : ", " + day(lineTime))
                    + ") r";
            return new Statements("delete from " + table + " where tenant = ?1 and conversion_id = ?2"
                    + " and model_id = ?3", insert + " and s.conversion_id = ?2 and s.model_id = ?3" + group,
                    "update " + table + " c set (path_touches, first_touch_time) ="
                            + " (select p.touch_count, p.first_touch_time from credit_set p where p.tenant = c.tenant"
                            + " and p.conversion_id = c.conversion_id and p.model_id = 'linear'"
                            + " and p.status <> 'withdrawn') where c.tenant = ?1 and c.conversion_id = ?2",
                    "delete from " + table + " where tenant = ?1", insert + group);
        }

        private static String day(String lineTime) {
            return "cast(timezone(coalesce(z.time_zone, 'UTC'), " + lineTime + ") as date)";
        }
    }

    /** {@code credit_conversion}: a set's rows on its conversion's day, its first rows marked. */
    public static final Statements CONVERSION_DAY = Statements.of("credit_conversion", "s.conversion_time",
            "first_in_set, first_in_channel, first_based_in_set, first_based_in_channel",
            first("") + " = 1, " + first(", r.channel") + " = 1, r.based and " + first(", r.based") + " = 1,"
                    + " r.based and " + first(", r.channel, r.based") + " = 1");
    /** {@code credit_touch_conversion}: a set's rows on their touches' days, each with the day of the row before. */
    public static final Statements TOUCH_DAY = Statements.of("credit_touch_conversion",
            "coalesce(l.touch_time, s.conversion_time)",
            "prev_in_set, prev_in_channel, prev_based_in_set, prev_based_in_channel",
            before("") + ", " + before(", r.channel") + ", case when r.based then " + before(", r.based")
                    + " end, case when r.based then " + before(", r.channel, r.based") + " end");

    private CreditConversionSql() {
    }

    /** The row's place among its set's rows (in {@code partition} too), in channel and campaign order. */
    private static String first(String partition) {
        return "row_number() over (partition by r.tenant, r.model_id, r.conversion_id" + partition
                + " order by r.channel, r.campaign)";
    }

    /** The day of the set's row before this one (in {@code partition} too), in day, channel and campaign order. */
    private static String before(String partition) {
        return "lag(r.day) over (partition by r.tenant, r.model_id, r.conversion_id" + partition
                + " order by r.day, r.channel, r.campaign)";
    }
}
