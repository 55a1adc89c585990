package io.closeloop.reporting.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metric views' SQL (definitions in docs/architecture.md, "Report metrics"), plain Java so that the benchmark
 * runs the very statements the service runs: sums over credit lines, whole conversions, spend and touches, grouped
 * as a view needs. Zone, currency and model ids are checked values written into the statement; everything else is a
 * bound parameter ({@code ?1, ?2, ...} in order of appearance).
 */
public final class MetricSql {

    /** The channel of a conversion's line when no touch was eligible for credit. */
    public static final String UNATTRIBUTED = "unattributed";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MODEL = Pattern.compile("[a-z0-9_]{1,64}");
    private static final String CREDITS_FROM = " from credit_set s join credit_line l on l.tenant = s.tenant"
            + " and l.conversion_id = s.conversion_id and l.model_id = s.model_id";

    /** A statement and its parameters. */
    public record Statement(String text, Object[] params) {
    }

    private MetricSql() {
    }

    /**
     * The line sums worked out from the stored lines: what {@code credit_day} and {@code credit_touch_day} must give
     * (the reference the views' statements are checked against).
     */
    public static Statement creditsFromLines(ReportScope scope, Grouping grouping) {
        Sql sql = new Sql();
        String keys = creditKeys(scope, grouping);
        String base = base(scope);
        sql.append("select ").append(keys.isEmpty() ? "" : keys + ", ")
                .append("sum(case when ").append(base).append(" is not null then l.fractional_conversions end)"
                        + " as conversions, sum(").append(base).append(") as revenue_minor,"
                        + " sum(case when l.channel <> '").append(UNATTRIBUTED).append("' then ")
                .append(base).append(" end) as attributed_minor,")
                .append(" sum(case when ").append(base).append(" is not null and f.offline"
                        + " then l.fractional_conversions end) as offline_conversions,")
                .append(" sum(case when ").append(base).append(" is not null and s.value_minor > 0"
                        + " then l.fractional_conversions end) as valued_conversions,")
                .append(" sum(case when ").append(base).append(" is not null and f.lead"
                        + " then l.fractional_conversions end) as leads")
                .append(CREDITS_FROM)
                .append(" left join conversion_fact f on f.tenant = s.tenant and f.conversion_id = s.conversion_id");
        creditWhere(sql, scope);
        groupBy(sql, grouping);
        return sql.statement();
    }

    /**
     * The same sums as {@link #creditsFromLines}, read from the daily sums kept at intake ({@code credit_day}, on the
     * touch date {@code credit_touch_day}): every figure there is constant within a row, so the base-amount rule
     * applies per row.
     */
    public static Statement credits(ReportScope scope, Grouping grouping) {
        Sql sql = new Sql();
        String keys = keptKeys("d", grouping);
        String base = "(case when d.amount_kind = 'b' then d.base_credit_minor when d.amount_kind = 'z' then 0"
                + " when d.currency = '" + currency(scope) + "' then d.credit_minor end)";
        sql.append("select ").append(keys.isEmpty() ? "" : keys + ", ")
                .append("sum(case when ").append(base).append(" is not null then d.fractional_conversions end)"
                        + " as conversions, sum(").append(base).append(") as revenue_minor,"
                        + " sum(case when d.channel <> '").append(UNATTRIBUTED).append("' then ")
                .append(base).append(" end) as attributed_minor,")
                .append(" sum(case when ").append(base).append(" is not null then d.offline_conversions end)"
                        + " as offline_conversions,")
                .append(" sum(case when ").append(base).append(" is not null then d.valued_conversions end)"
                        + " as valued_conversions,")
                .append(" sum(case when ").append(base).append(" is not null then d.lead_conversions end) as leads");
        keptWhere(sql, "credit_day", "d", scope, "d.day");
        String columns = groupColumns(grouping);
        if (!columns.isEmpty()) {
            // A restated set can leave a row at zero lines: a group exists only while it has a line.
            sql.append(" group by ").append(columns).append(" having sum(d.lines) > 0");
        }
        return sql.statement();
    }

    /**
     * The whole-conversion figures worked out from the stored lines and each conversion's linear set: what
     * {@code credit_conversion} and {@code credit_touch_conversion} must give.
     */
    public static Statement conversionsFromLines(ReportScope scope, Grouping grouping) {
        Sql sql = new Sql();
        String keys = creditKeys(scope, grouping);
        sql.append(wholeConversions(grouping, "p", hours("c", "p")))
                .append(" from (select ").append(keys.isEmpty() ? "" : keys + ", ")
                .append("s.conversion_id, s.matched, s.conversion_time").append(CREDITS_FROM);
        creditWhere(sql, scope);
        sql.append(" and ").append(base(scope)).append(" is not null group by ")
                .append(keys.isEmpty() ? "" : groupColumns(grouping) + ", ")
                .append("s.conversion_id, s.matched, s.conversion_time) c")
                .append(" left join credit_set p on p.tenant = ").append(sql.param(scope.tenant()))
                .append(" and p.conversion_id = c.conversion_id and p.model_id = 'linear' and p.status <> 'withdrawn'");
        groupBy(sql, grouping);
        return sql.statement();
    }

    /**
     * The same figures, read from the rows kept at intake ({@code credit_conversion}, on the touch date
     * {@code credit_touch_conversion}): a conversion is in a group when one of its rows there has a line with a base
     * amount, and the rows carry its linear set's path. When one set per conversion is in scope and each group takes
     * whole sets or whole channels of a set, the set's first counted row in it stands for the conversion (see
     * {@link #firstRow}); otherwise rows are grouped per conversion. The rows of the total or of channels are read in
     * order of their hours when {@code wholeSpan}: the range holds every conversion-date row of the scope's model (see
     * {@link #span}).
     */
    public static Statement conversions(ReportScope scope, Grouping grouping, boolean wholeSpan) {
        Sql sql = new Sql();
        String keys = keptKeys("x", grouping);
        String currency = currency(scope);
        // The touch-date rows keep the two times; the conversion-date rows keep the hours between them.
        String hours = (scope.touchDate() ? hours("x", "x") : "x.ttc_hours") + " as hours";
        String first = firstRow(sql, scope, grouping);
        if (first != null) {
            String order = hoursOrder(scope, grouping, wholeSpan);
            sql.append(wholeConversions(grouping, "c", "c.hours")).append(" from (select ")
                    .append(keys.isEmpty() ? "" : keys + ", ")
                    .append("x.matched, x.path_touches as touch_count, ").append(hours);
            // In hours order the range keeps out only rows stored since the span was read: "+ 0" keeps the planner
            // from the day index, whose estimate for the range (from every tenant's days) could make it sort instead.
            keptWhere(sql, "credit_conversion", "x", scope, order.isEmpty() ? "x.day" : "(x.day + 0)");
            sql.append(" and ").append(first.replace("#", currency)).append(order).append(") c");
            groupBy(sql, grouping);
            return sql.statement();
        }
        sql.append(wholeConversions(grouping, "c", "c.hours"))
                .append(" from (select ").append(keys.isEmpty() ? "" : keys + ", ")
                .append("x.conversion_id, x.matched, x.path_touches as touch_count, ").append(hours);
        conversionRowWhere(sql, scope);
        sql.append(" and (x.based or x.unbased_credit_minor is not null and x.currency = '").append(currency)
                .append("') group by ").append(keys.isEmpty() ? "" : groupColumns(grouping) + ", ")
                .append("x.conversion_id, x.matched, x.path_touches, hours) c");
        groupBy(sql, grouping);
        return sql.statement();
    }

    /**
     * The condition that picks one row per conversion and group ({@code #} for the base currency), or null when the
     * rows must be grouped per conversion: several models' sets in one group, or a campaign filter across channels.
     * Every row has a line, so in the base currency every row counts, and otherwise the rows with a base amount.
     */
    private static String firstRow(Sql sql, ReportScope scope, Grouping grouping) {
        if (scope.touchDate()) {
            return firstTouchRow(sql, scope, grouping);
        }
        if (scope.models().size() > 1 && !grouping.model()) {
            return null;
        }
        if (grouping.channel() && grouping.campaign()) {
            return "(x.based or x.currency = '#')";
        }
        if (scope.campaign() != null || grouping.campaign()) {
            return null;
        }
        String within = grouping.channel() || scope.channel() != null ? "channel" : "set";
        return "(case when x.currency = '#' then x.first_in_" + within + " else x.first_based_in_" + within + " end)";
    }

    /**
     * On the touch date ({@code credit_touch_conversion}), a set's rows spread over days: its first row in a group is
     * the one whose previous row (in the set, or in the set's channel) lies before the group's first day, the range's
     * or the period's. Null when the rows must be grouped per conversion: several models' sets in one group, or
     * campaigns, whose rows the previous days do not follow.
     */
    private static String firstTouchRow(Sql sql, ReportScope scope, Grouping grouping) {
        if (scope.models().size() > 1 && !grouping.model() || scope.campaign() != null || grouping.campaign()) {
            return null;
        }
        String within = grouping.channel() || scope.channel() != null ? "channel" : "set";
        String from = sql.param(scope.from());
        String start = grouping.grain() == null ? from : "greatest(" + from + ", cast(date_trunc('"
                + grouping.grain().id() + "', cast(x.day as timestamp)) as date))";
        return "(case when x.currency = '#' then coalesce(x.prev_in_" + within + " < " + start + ", true)"
                + " else x.based and coalesce(x.prev_based_in_" + within + " < " + start + ", true) end)";
    }

    /**
     * Hours from the first touch of the conversion's linear set ({@code path}) to the conversion ({@code row}), in
     * double precision: sorting numeric values for the percentiles cost a third of a view's time, and the figures are
     * read as doubles and rounded to four places anyway. V75 keeps it as {@code credit_conversion.ttc_hours}.
     */
    private static String hours(String row, String path) {
        return "date_part('epoch', " + row + ".conversion_time - " + path + ".first_touch_time) / 3600";
    }

    /**
     * The first and last day of the scope's models' conversion-date rows, whatever the range (two reads at the ends of
     * the day index).
     */
    public static Statement span(ReportScope scope) {
        Sql sql = new Sql();
        sql.append("select min(x.day) as first_day, max(x.day) as last_day from credit_conversion x where x.tenant = ")
                .append(sql.param(scope.tenant())).append(" and x.model_id in (").append(models(scope)).append(")");
        return sql.statement();
    }

    /**
     * Whether the scope's total or channels can be read in order of hours (when its range holds all the model's rows):
     * one model, the conversion date, no campaign filter. Otherwise {@link #span} does not change any statement.
     */
    public static boolean ordersByHours(ReportScope scope) {
        return scope.models().size() == 1 && !scope.touchDate() && scope.campaign() == null;
    }

    /** Whether the scope's range holds the days from {@code first} to {@code last} ({@link #span}; null: no rows). */
    public static boolean holds(ReportScope scope, LocalDate first, LocalDate last) {
        return first == null || !first.isBefore(scope.from()) && !last.isAfter(scope.to());
    }

    /**
     * The ordering that lets the percentiles read their rows in order of hours from an index (V75): PostgreSQL's sort
     * then finds its input sorted and takes one pass instead of sorting every time of the range. Only for the
     * conversion date, groups of channels or the total, and a range that holds all the model's rows: then the index in
     * hours order reads just the range's rows. Over part of the rows the planner would weigh reading them all in that
     * order against sorting the range's rows itself, and misjudged it (a half-year's rows sorted on disk took longer
     * than the unordered statement); so would a generic plan, which cannot see the range.
     */
    private static String hoursOrder(ReportScope scope, Grouping grouping, boolean wholeSpan) {
        if (!wholeSpan || !ordersByHours(scope) || grouping.grain() != null || grouping.campaign()
                || grouping.model()) {
            return "";
        }
        return grouping.channel() ? " order by x.channel, x.ttc_hours" : " order by x.ttc_hours";
    }

    /**
     * The whole-conversion figures over rows {@code c} (a conversion in a group), {@code path} (where its linear
     * set's touch count is) and {@code hours} (from its linear set's first touch to the conversion, null without one).
     */
    private static String wholeConversions(Grouping grouping, String path, String hours) {
        String outer = groupColumns(grouping);
        String timed = " filter (where c.matched and " + hours + " is not null)";
        return "select " + (outer.isEmpty() ? "" : outer + ", ")
                + "count(c.matched) as with_flag, count(*) filter (where c.matched) as matched,"
                + " count(*) filter (where c.matched and " + path + ".touch_count > 0) as path_conversions,"
                + " coalesce(sum(" + path + ".touch_count) filter (where c.matched and " + path
                + ".touch_count > 0), 0) as path_touches,"
                + " percentile_cont(0.5) within group (order by " + hours + ")" + timed
                + " as ttc_median, percentile_cont(0.9) within group (order by " + hours + ")" + timed
                + " as ttc_p90";
    }

    public static Statement creditsWithoutRate(ReportScope scope) {
        // From the rows kept at intake: their lines without a base amount.
        Sql sql = new Sql();
        sql.append("select x.currency, count(distinct x.conversion_id) as conversions,"
                + " sum(x.unbased_credit_minor) as amount_minor");
        conversionRowWhere(sql, scope);
        sql.append(" and x.unbased_credit_minor is not null and x.currency <> '").append(currency(scope))
                .append("' group by x.currency order by x.currency");
        return sql.statement();
    }

    /** Credited amounts without a base amount, from the stored lines (see {@link #conversionsFromLines}). */
    public static Statement creditsWithoutRateFromLines(ReportScope scope) {
        Sql sql = new Sql();
        sql.append("select s.currency, count(distinct s.conversion_id) as conversions,"
                + " sum(l.credit_minor) as amount_minor").append(CREDITS_FROM);
        creditWhere(sql, scope);
        sql.append(" and ").append(base(scope)).append(" is null group by s.currency order by s.currency");
        return sql.statement();
    }

    public static Statement spend(ReportScope scope, Grouping grouping) {
        Sql sql = new Sql();
        String keys = dayKeys(grouping);
        sql.append("select ").append(keys.isEmpty() ? "" : keys + ", ")
                .append("sum(case when base_amount_minor is not null then base_amount_minor when currency = '")
                .append(currency(scope)).append("' then amount_minor end) as spend_minor from spend_day");
        dayWhere(sql, scope);
        groupBy(sql, grouping);
        return sql.statement();
    }

    public static Statement spendWithoutRate(ReportScope scope) {
        Sql sql = new Sql();
        sql.append("select currency, count(*) as days, sum(amount_minor) as amount_minor from spend_day");
        dayWhere(sql, scope);
        sql.append(" and base_amount_minor is null and currency <> '").append(currency(scope))
                .append("' group by currency order by currency");
        return sql.statement();
    }

    public static Statement touches(ReportScope scope, Grouping grouping) {
        Sql sql = new Sql();
        String keys = dayKeys(grouping);
        sql.append("select ").append(keys.isEmpty() ? "" : keys + ", ")
                .append("coalesce(sum(touches), 0) as touches, coalesce(sum(suppressed), 0) as suppressed"
                        + " from touch_day");
        dayWhere(sql, scope);
        groupBy(sql, grouping);
        return sql.statement();
    }

    public static Statement unknownUtmValues(ReportScope scope, int limit) {
        Sql sql = new Sql();
        sql.append("select field, value, sum(touches) as touches from unknown_utm_day where tenant = ")
                .append(sql.param(scope.tenant())).append(" and day >= ").append(sql.param(scope.from()))
                .append(" and day <= ").append(sql.param(scope.to()))
                .append(" group by field, value having sum(touches) > 0 order by touches desc, field, value limit ")
                .append(Integer.toString(limit));
        return sql.statement();
    }

    public static Statement funnel(ReportScope scope) {
        Sql sql = new Sql();
        sql.append("select ls.stage, count(*) as conversions from lead_stage ls where ls.tenant = ")
                .append(sql.param(scope.tenant())).append(" and ls.reached_at >= ").append(sql.param(utc(scope)))
                .append(" and ls.reached_at < ").append(sql.param(OffsetDateTime.ofInstant(scope.end(), ZoneOffset.UTC)));
        if (scope.channel() != null || scope.campaign() != null) {
            sql.append(" and exists (select 1 from credit_line l where l.tenant = ls.tenant"
                    + " and l.conversion_id = ls.conversion_id and l.model_id in (").append(models(scope)).append(")");
            if (scope.channel() != null) {
                sql.append(" and l.channel = ").append(sql.param(scope.channel()));
            }
            if (scope.campaign() != null) {
                sql.append(" and coalesce(l.campaign, '') = ").append(sql.param(scope.campaign()));
            }
            sql.append(")");
        }
        sql.append(" group by ls.stage");
        return sql.statement();
    }

    /** Amounts count in the base currency: base credit, else the credit itself in the base currency, else none. */
    private static String base(ReportScope scope) {
        return "(case when l.base_credit_minor is not null then l.base_credit_minor when s.value_minor = 0 then 0"
                + " when s.currency = '" + currency(scope) + "' then l.credit_minor end)";
    }

    private static String currency(ReportScope scope) {
        String currency = scope.baseCurrency();
        if (currency == null) {
            return "";
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("not a currency code: " + currency);
        }
        return currency;
    }

    private static String models(ReportScope scope) {
        return scope.models().stream().peek(m -> {
            if (!MODEL.matcher(m).matches()) {
                throw new IllegalArgumentException("not a model id: " + m);
            }
        }).map(m -> "'" + m + "'").collect(Collectors.joining(", "));
    }

    private static String zone(ReportScope scope) {
        return ZoneId.of(scope.zone()).getId().replace("'", "");
    }

    private static String lineTime(ReportScope scope) {
        return scope.touchDate() ? "coalesce(l.touch_time, s.conversion_time)" : "s.conversion_time";
    }

    private static void creditWhere(Sql sql, ReportScope scope) {
        OffsetDateTime start = utc(scope);
        OffsetDateTime end = OffsetDateTime.ofInstant(scope.end(), ZoneOffset.UTC);
        sql.append(" where s.tenant = ").append(sql.param(scope.tenant()))
                .append(" and s.model_id in (").append(models(scope)).append(") and s.status <> 'withdrawn'");
        if (scope.touchDate()) {
            // A touch precedes its conversion, so conversions before the range cannot have a touch in it.
            String time = lineTime(scope);
            String from = sql.param(start);
            sql.append(" and s.conversion_time >= ").append(from).append(" and ").append(time).append(" >= ")
                    .append(from).append(" and ").append(time).append(" < ").append(sql.param(end));
        } else {
            sql.append(" and s.conversion_time >= ").append(sql.param(start))
                    .append(" and s.conversion_time < ").append(sql.param(end));
        }
        if (scope.channel() != null) {
            sql.append(" and l.channel = ").append(sql.param(scope.channel()));
        }
        if (scope.campaign() != null) {
            sql.append(" and coalesce(l.campaign, '') = ").append(sql.param(scope.campaign()));
        }
    }

    private static void dayWhere(Sql sql, ReportScope scope) {
        sql.append(" where tenant = ").append(sql.param(scope.tenant()))
                .append(" and day >= ").append(sql.param(scope.from()))
                .append(" and day <= ").append(sql.param(scope.to()));
        if (scope.channel() != null) {
            sql.append(" and channel = ").append(sql.param(scope.channel()));
        }
        if (scope.campaign() != null) {
            sql.append(" and campaign = ").append(sql.param(scope.campaign()));
        }
    }

    private static String creditKeys(ReportScope scope, Grouping grouping) {
        List<String> keys = new ArrayList<>();
        if (grouping.model()) {
            keys.add("s.model_id as k_model");
        }
        if (grouping.channel()) {
            keys.add("l.channel as k_channel");
        }
        if (grouping.campaign()) {
            keys.add("coalesce(l.campaign, '') as k_campaign");
        }
        if (grouping.grain() != null) {
            keys.add("cast(date_trunc('" + grouping.grain().id() + "', timezone('" + zone(scope) + "', "
                    + lineTime(scope) + ")) as date) as k_period");
        }
        return String.join(", ", keys);
    }

    /** The group keys of a table kept per day ({@code alias}: {@code credit_day} or {@code credit_conversion}). */
    private static String keptKeys(String alias, Grouping grouping) {
        List<String> keys = new ArrayList<>();
        if (grouping.model()) {
            keys.add(alias + ".model_id as k_model");
        }
        if (grouping.channel()) {
            keys.add(alias + ".channel as k_channel");
        }
        if (grouping.campaign()) {
            keys.add(alias + ".campaign as k_campaign");
        }
        if (grouping.grain() != null) {
            keys.add("cast(date_trunc('" + grouping.grain().id() + "', cast(" + alias + ".day as timestamp)) as date)"
                    + " as k_period");
        }
        return String.join(", ", keys);
    }

    /** The scope's rows of {@code credit_conversion}: its models, days in the tenant's zone, channel and campaign. */
    private static void conversionRowWhere(Sql sql, ReportScope scope) {
        keptWhere(sql, "credit_conversion", "x", scope, "x.day");
    }

    /**
     * The scope's rows of a table kept per tenant-zone day ({@code credit_day}, {@code credit_conversion}; on the
     * touch date their twins filed by the touch's day); {@code day}: the expression of the row's day.
     */
    private static void keptWhere(Sql sql, String table, String alias, ReportScope scope, String day) {
        String filed = scope.touchDate() ? table.replace("credit_", "credit_touch_") : table;
        sql.append(" from ").append(filed).append(" ").append(alias).append(" where ").append(alias)
                .append(".tenant = ").append(sql.param(scope.tenant())).append(" and ").append(alias)
                .append(".model_id in (").append(models(scope)).append(") and ").append(day).append(" >= ")
                .append(sql.param(scope.from())).append(" and ").append(day).append(" <= ")
                .append(sql.param(scope.to()));
        if (scope.channel() != null) {
            sql.append(" and ").append(alias).append(".channel = ").append(sql.param(scope.channel()));
        }
        if (scope.campaign() != null) {
            sql.append(" and ").append(alias).append(".campaign = ").append(sql.param(scope.campaign()));
        }
    }

    private static String dayKeys(Grouping grouping) {
        List<String> keys = new ArrayList<>();
        if (grouping.channel()) {
            keys.add("channel as k_channel");
        }
        if (grouping.campaign()) {
            keys.add("campaign as k_campaign");
        }
        if (grouping.grain() != null) {
            keys.add("cast(date_trunc('" + grouping.grain().id() + "', cast(day as timestamp)) as date) as k_period");
        }
        return String.join(", ", keys);
    }

    /** The key columns of a grouping, as the select names them. */
    private static String groupColumns(Grouping grouping) {
        List<String> columns = new ArrayList<>();
        if (grouping.model()) {
            columns.add("k_model");
        }
        if (grouping.channel()) {
            columns.add("k_channel");
        }
        if (grouping.campaign()) {
            columns.add("k_campaign");
        }
        if (grouping.grain() != null) {
            columns.add("k_period");
        }
        return String.join(", ", columns);
    }

    private static void groupBy(Sql sql, Grouping grouping) {
        String columns = groupColumns(grouping);
        if (!columns.isEmpty()) {
            sql.append(" group by ").append(columns);
        }
    }

    private static OffsetDateTime utc(ReportScope scope) {
        return OffsetDateTime.ofInstant(scope.start(), ZoneOffset.UTC);
    }

    /** A statement and its parameters, numbered ?1, ?2, ... in the order they are added. */
    static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Sql append(String part) {
            text.append(part);
            return this;
        }

        String param(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        String text() {
            return text.toString();
        }

        Object[] params() {
            return params.toArray();
        }

        Statement statement() {
            return new Statement(text(), params());
        }
    }
}
