package io.closeloop.reporting.repository;

/**
 * The statements that keep {@code credit_day} and {@code credit_touch_day} (see their migrations) equal to the sums
 * of the stored credit lines, plain text so that the benchmark fills the tables exactly as the service does. Each
 * adds or subtracts what stored sets contribute, grouped by the table's key: a set is subtracted before its lines or
 * its conversion's flags change, and added again after. The two tables differ only in the day a line is filed on.
 */
public final class CreditDaySql {

    private static final String FROM = " from credit_set s join credit_line l on l.tenant = s.tenant"
            + " and l.conversion_id = s.conversion_id and l.model_id = s.model_id"
            + " left join conversion_fact f on f.tenant = s.tenant and f.conversion_id = s.conversion_id"
            + " left join tenant_zone z on z.tenant = s.tenant where s.status <> 'withdrawn' and s.tenant = ?1";
    private static final String GROUP = " group by 1, 2, 3, 4, 5, 6, 7";

    /**
     * The statements of one table, filed by the tenant-zone day of the time {@code lineTime} gives: add the stored set
     * (?1 tenant, ?2 conversion, ?3 model); subtract it when a higher version (?4) replaces it; add or subtract every
     * stored set of a conversion (?1, ?2); forget a tenant's days (?1) before {@code addTenant} files them again in
     * its current zone.
     */
    public record Statements(String addSet, String subtractReplacedSet, String addConversion,
                             String subtractConversion, String clearTenant, String addTenant) {

        static Statements of(String table, String lineTime) {
            return new Statements(merge(table, lineTime, "", " and s.conversion_id = ?2 and s.model_id = ?3"),
                    merge(table, lineTime, "-",
                            " and s.conversion_id = ?2 and s.model_id = ?3 and s.set_version < ?4"),
                    merge(table, lineTime, "", " and s.conversion_id = ?2"),
                    merge(table, lineTime, "-", " and s.conversion_id = ?2"),
                    "delete from " + table + " where tenant = ?1", merge(table, lineTime, "", ""));
        }
    }

    /** {@code credit_day}: each line on its conversion's day. */
    public static final Statements CONVERSION_DAY = Statements.of("credit_day", "s.conversion_time");
    /** {@code credit_touch_day}: each line on its touch's day, a line without a touch on its conversion's. */
    public static final Statements TOUCH_DAY = Statements.of("credit_touch_day",
            "coalesce(l.touch_time, s.conversion_time)");

    private CreditDaySql() {
    }

    private static String merge(String table, String lineTime, String sign, String where) {
        String columns = "insert into " + table + " (tenant, model_id, day, channel, campaign,"
                + " currency, amount_kind, lines, credit_minor, base_credit_minor, fractional_conversions,"
                + " valued_conversions, offline_conversions, lead_conversions)";
        String keys = "select s.tenant, s.model_id,"
                + " cast(timezone(coalesce(z.time_zone, 'UTC'), " + lineTime + ") as date), l.channel,"
                + " coalesce(l.campaign, ''), s.currency,"
                + " case when l.base_credit_minor is not null then 'b' when s.value_minor = 0 then 'z' else 'o' end, ";
        String upsert = " on conflict (tenant, model_id, day, channel, campaign, currency,"
                + " amount_kind) do update set lines = " + table + ".lines + excluded.lines,"
                + " credit_minor = " + table + ".credit_minor + excluded.credit_minor,"
                + " base_credit_minor = " + table + ".base_credit_minor + excluded.base_credit_minor,"
                + " fractional_conversions = " + table + ".fractional_conversions + excluded.fractional_conversions,"
                + " valued_conversions = " + table + ".valued_conversions + excluded.valued_conversions,"
                + " offline_conversions = " + table + ".offline_conversions + excluded.offline_conversions,"
                + " lead_conversions = " + table + ".lead_conversions + excluded.lead_conversions";
        return columns + keys + sign + "count(*), " + sign + "sum(l.credit_minor), " + sign
                + "coalesce(sum(l.base_credit_minor), 0), " + sign + "sum(l.fractional_conversions), " + sign
                + "coalesce(sum(l.fractional_conversions) filter (where s.value_minor > 0), 0), " + sign
                + "coalesce(sum(l.fractional_conversions) filter (where f.offline), 0), " + sign
                + "coalesce(sum(l.fractional_conversions) filter (where f.lead), 0)" + FROM + where + GROUP + upsert;
    }
}
