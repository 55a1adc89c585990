package io.closeloop.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.InfraTestResource;
import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.repository.CreditConversionSql;
import io.closeloop.reporting.repository.CreditDaySql;
import io.closeloop.reporting.repository.Grouping;
import io.closeloop.reporting.repository.MetricSql;
import io.closeloop.reporting.repository.ReportScope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversion rows kept at intake equal what the stored sets, their lines and each conversion's linear set say,
 * after {@link ReportFixture}'s restated, withdrawn and late conversions (linear sets arriving after other models'),
 * and the whole-conversion figures and withoutRate read from them equal those worked out from the lines, for every
 * grouping, filter, model choice and base currency; likewise the rows by touch day ({@code credit_touch_conversion})
 * and the touch-date figures, the line sums ({@code credit_day}, {@code credit_touch_day}) included.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class CreditConversionTest {

    private static final String KEPT = "select tenant, model_id, conversion_id, channel, campaign, day,"
            + " conversion_time, currency, matched, based, unbased_credit_minor, path_touches, first_touch_time,"
            + " first_in_set, first_in_channel, first_based_in_set, first_based_in_channel from credit_conversion";
    /** Per set and (channel, campaign): the row, worked out with subqueries instead of windows. */
    private static final String FROM_LINES = "select g.*,"
            + " not exists (select 1 from credit_line o where " + sameSet("o") + " and " + before("o") + "),"
            + " not exists (select 1 from credit_line o where " + sameSet("o") + " and o.channel = g.channel"
            + " and " + before("o") + "),"
            + " g.based and not exists (select 1 from credit_line o where " + sameSet("o") + " and " + based("o")
            + " and " + before("o") + "),"
            + " g.based and not exists (select 1 from credit_line o where " + sameSet("o")
            + " and o.channel = g.channel and " + based("o") + " and " + before("o") + ")"
            + " from " + setRows("s.conversion_time");
    private static final String TOUCH_KEPT = "select tenant, model_id, conversion_id, channel, campaign, day,"
            + " conversion_time, currency, matched, based, unbased_credit_minor, path_touches, first_touch_time,"
            + " prev_in_set, prev_in_channel, prev_based_in_set, prev_based_in_channel from credit_touch_conversion";
    /** The tenant-zone day of a line's touch (of its conversion without one) in set {@code g}. */
    private static final String TOUCH_DAY = "cast(timezone(coalesce((select z.time_zone from tenant_zone z"
            + " where z.tenant = g.tenant), 'UTC'), coalesce(#.touch_time, g.conversion_time)) as date)";
    /** Per set, (channel, campaign) and touch day: the row, the previous rows' days worked out with subqueries. */
    private static final String TOUCH_FROM_LINES = "select g.*,"
            + " (" + previous("") + "), (" + previous(" and o.channel = g.channel") + "),"
            + " case when g.based then (" + previous(" and " + based("o")) + ") end,"
            + " case when g.based then (" + previous(" and o.channel = g.channel and " + based("o")) + ") end"
            + " from " + setRows("coalesce(l.touch_time, s.conversion_time)");
    private static final String LONDON = "Europe/London";
    private static final Pattern PARAM = Pattern.compile("\\?(\\d+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @BeforeEach
    void fixture() throws Exception {
        ReportFixture.load(bootstrap);
    }

    @Test
    void conversionRowsEqualTheStoredSets() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from credit_conversion where tenant = '" + ReportFixture.TENANT
                    + "'")).isPositive();
            // Paths copied from a linear set that arrived after another model's set, and rows without a base amount.
            assertThat(count(s, "select count(*) from credit_conversion where model_id <> 'linear'"
                    + " and path_touches > 0")).isPositive();
            assertThat(count(s, "select count(*) from credit_conversion where unbased_credit_minor is not null"))
                    .isPositive();
            assertThat(count(s, "select count(*) from ((" + KEPT + " except " + FROM_LINES + ") union all ("
                    + FROM_LINES + " except " + KEPT + ")) d")).isZero();
        }
    }

    @Test
    void figuresFromTheRowsEqualThoseFromTheLines() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(compareFigures(c, LONDON, false, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11)))
                    .isGreaterThan(100);
        }
    }

    /**
     * A range holds the model's whole span of conversion-date rows exactly when it reaches from the first stored
     * conversion's tenant-zone day to the last one's.
     */
    @Test
    void aRangeHoldsTheSpanFromTheFirstToTheLastConversionDay() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet days = s.executeQuery("select min(cast(timezone(z.time_zone, s.conversion_time) as date)),"
                     + " max(cast(timezone(z.time_zone, s.conversion_time) as date)) from credit_set s"
                     + " join tenant_zone z on z.tenant = s.tenant where s.tenant = '" + ReportFixture.TENANT
                     + "' and s.model_id = 'linear' and s.status <> 'withdrawn'")) {
            days.next();
            LocalDate first = days.getObject(1, LocalDate.class);
            LocalDate last = days.getObject(2, LocalDate.class);
            assertThat(first).isBefore(last);
            ReportScope whole = scope(LONDON, List.of("linear"), "EUR", null, null, first, last, false);
            assertThat(rows(c, MetricSql.span(whole)))
                    .containsExactly("first_day=" + first + " last_day=" + last + " ");
            assertThat(MetricSql.holds(whole, first, last)).isTrue();
            assertThat(MetricSql.holds(scope(LONDON, List.of("linear"), "EUR", null, null, first.plusDays(1), last,
                    false), first, last)).isFalse();
            assertThat(MetricSql.holds(scope(LONDON, List.of("linear"), "EUR", null, null, first, last.minusDays(1),
                    false), first, last)).isFalse();
            ReportScope none = scope(LONDON, List.of("no_such_model"), "EUR", null, null, first, first, false);
            assertThat(rows(c, MetricSql.span(none))).containsExactly("first_day=null last_day=null ");
            assertThat(MetricSql.holds(none, null, null)).isTrue();
        }
    }

    /** On the touch date, with sets whose rows fall before, in and after the range, and in several periods. */
    @Test
    void touchRowsEqualTheStoredSets() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            // Sets with rows on several days, and rows that are not the first of their set.
            assertThat(count(s, "select count(*) from credit_touch_conversion where prev_in_set is not null"))
                    .isPositive();
            assertThat(count(s, "select count(*) from ((" + TOUCH_KEPT + " except " + TOUCH_FROM_LINES
                    + ") union all (" + TOUCH_FROM_LINES + " except " + TOUCH_KEPT + ")) d")).isZero();
        }
    }

    @Test
    void touchFiguresFromTheRowsEqualThoseFromTheLines() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(compareTouchFigures(c, LONDON)).isGreaterThan(100);
        }
    }

    /**
     * A zone change files the tenant's touch-day sums and rows again ({@code TenantIntake}), by the statements the
     * service runs: they equal the lines in the new zone. Undone after.
     */
    @Test
    void touchTablesFiledAgainInANewZoneEqualTheLines() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.executeUpdate("update tenant_zone set time_zone = 'America/New_York' where tenant = '"
                        + ReportFixture.TENANT + "'");
                for (String refile : List.of(CreditDaySql.TOUCH_DAY.clearTenant(), CreditDaySql.TOUCH_DAY.addTenant(),
                        CreditConversionSql.TOUCH_DAY.clearTenant(), CreditConversionSql.TOUCH_DAY.addTenant())) {
                    try (PreparedStatement ps = c.prepareStatement(refile.replace("?1", "?"))) {
                        ps.setString(1, ReportFixture.TENANT);
                        ps.executeUpdate();
                    }
                }
                assertThat(count(s, "select count(*) from ((" + TOUCH_KEPT + " except " + TOUCH_FROM_LINES
                        + ") union all (" + TOUCH_FROM_LINES + " except " + TOUCH_KEPT + ")) d")).isZero();
                assertThat(compareTouchFigures(c, "America/New_York")).isGreaterThan(100);
            } finally {
                c.rollback();
            }
        }
    }

    /** {@link #compareFigures} on the touch date over ranges that cut sets' rows, and in several periods. */
    private static int compareTouchFigures(Connection c, String zone) throws Exception {
        int compared = 0;
        for (LocalDate[] range : new LocalDate[][] {{LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11)},
                {LocalDate.of(2026, 1, 4), LocalDate.of(2026, 1, 8)},
                {LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 8)},
                {LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31)}}) {
            compared += compareFigures(c, zone, true, range[0], range[1]);
        }
        return compared;
    }

    /**
     * Compares every view statement with its reference from the lines over the fixture's tenant from..to, for every
     * grouping, filter, model choice and base currency; the number of rows compared.
     */
    private static int compareFigures(Connection c, String zone, boolean touchDate, LocalDate from, LocalDate to)
            throws Exception {
        List<Grouping> groupings = List.of(Grouping.TOTAL, Grouping.CHANNEL, Grouping.CAMPAIGN, Grouping.MODEL_CHANNEL,
                Grouping.period(Grain.DAY), Grouping.period(Grain.WEEK), Grouping.period(Grain.MONTH),
                new Grouping(true, false, false, null), new Grouping(false, true, false, Grain.WEEK));
        List<List<String>> models = List.of(List.of("last_touch"), List.of("linear"),
                List.of("last_touch", "linear"));
        String[][] filters = {{null, null}, {"paid_search", null}, {null, "brand"}, {"paid_social", "retarget"},
                {"email", null}};
        int compared = 0;
        for (String base : Arrays.asList("GBP", "EUR", null)) {
            for (List<String> model : models) {
                for (String[] filter : filters) {
                    ReportScope scope = scope(zone, model, base, filter[0], filter[1], from, to, touchDate);
                    for (Grouping grouping : groupings) {
                        String as = String.format("%s %s %s %s %s..%s %s touch=%s", base, model,
                                Arrays.toString(filter), grouping, from, to, zone, touchDate);
                        List<String> kept = rows(c, MetricSql.conversions(scope, grouping, false));
                        assertThat(kept).as(as)
                                .isEqualTo(rows(c, MetricSql.conversionsFromLines(scope, grouping)));
                        assertThat(rows(c, MetricSql.conversions(scope, grouping, true))).as("in hours order " + as)
                                .isEqualTo(kept);
                        // As the service reads sums: none is 0 (a restated set can leave a kept row at 0).
                        List<String> sums = sums(rows(c, MetricSql.credits(scope, grouping)));
                        assertThat(sums).as("credits " + as)
                                .isEqualTo(sums(rows(c, MetricSql.creditsFromLines(scope, grouping))));
                        compared += kept.size() + sums.size();
                    }
                    assertThat(rows(c, MetricSql.creditsWithoutRate(scope)))
                            .as("withoutRate %s %s %s", base, model, Arrays.toString(filter))
                            .isEqualTo(rows(c, MetricSql.creditsWithoutRateFromLines(scope)));
                }
            }
        }
        return compared;
    }

    private static ReportScope scope(String zoneId, List<String> models, String base, String channel,
                                     String campaign, LocalDate from, LocalDate to, boolean touchDate) {
        ZoneId zone = ZoneId.of(zoneId);
        return new ReportScope(ReportFixture.TENANT, models, zone.getId(), base, from, to,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), channel, campaign,
                touchDate);
    }

    /** The statement's rows, each as its columns' text, sorted. */
    private static List<String> rows(Connection c, MetricSql.Statement statement) throws Exception {
        Matcher matcher = PARAM.matcher(statement.text());
        List<Object> bound = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            bound.add(statement.params()[Integer.parseInt(matcher.group(1)) - 1]);
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < bound.size(); i++) {
                ps.setObject(i + 1, bound.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(text(rs, i)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** A column's value as text; doubles read the same whether the driver took them as text or binary. */
    private static String text(ResultSet rs, int column) throws Exception {
        if (rs.getMetaData().getColumnType(column) == java.sql.Types.DOUBLE && rs.getObject(column) != null) {
            return BigDecimal.valueOf(rs.getDouble(column)).stripTrailingZeros().toPlainString();
        }
        return rs.getString(column);
    }

    /**
     * Per set, (channel, campaign) and tenant-zone day of {@code lineTime}: the row's figures, worked out with
     * subqueries instead of joins ({@code g}).
     */
    private static String setRows(String lineTime) {
        return "(select s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, '') as campaign,"
                + " cast(timezone(coalesce(z.time_zone, 'UTC'), " + lineTime + ") as date) as day,"
                + " s.conversion_time, s.currency, s.matched,"
                + " count(*) filter (where l.base_credit_minor is not null or s.value_minor = 0) > 0 as based,"
                + " cast(sum(case when l.base_credit_minor is null and s.value_minor <> 0 then l.credit_minor end)"
                + " as numeric),"
                + " (select p.touch_count from credit_set p where p.tenant = s.tenant"
                + " and p.conversion_id = s.conversion_id and p.model_id = 'linear' and p.status <> 'withdrawn'),"
                + " (select p.first_touch_time from credit_set p where p.tenant = s.tenant"
                + " and p.conversion_id = s.conversion_id and p.model_id = 'linear' and p.status <> 'withdrawn')"
                + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
                + " and l.model_id = s.model_id left join tenant_zone z on z.tenant = s.tenant"
                + " where s.status <> 'withdrawn' group by s.tenant, s.model_id, s.conversion_id, l.channel,"
                + " coalesce(l.campaign, ''), z.time_zone, s.conversion_time, s.currency, s.matched, s.value_minor,"
                + " 6) g";
    }

    /** The rows with every figure (not the k_ group keys) as a number, none as 0. */
    private static List<String> sums(List<String> rows) {
        return rows.stream().map(row -> Arrays.stream(row.split(" ")).map(cell -> {
            String[] named = cell.split("=", 2);
            if (named[0].startsWith("k_")) {
                return cell;
            }
            String value = "null".equals(named[1]) ? "0" : named[1];
            return named[0] + "=" + new BigDecimal(value).stripTrailingZeros().toPlainString();
        }).collect(Collectors.joining(" "))).sorted().toList();
    }

    private static String sameSet(String alias) {
        return alias + ".tenant = g.tenant and " + alias + ".conversion_id = g.conversion_id and " + alias
                + ".model_id = g.model_id";
    }

    private static String before(String alias) {
        return "(" + alias + ".channel, coalesce(" + alias + ".campaign, '')) < (g.channel, g.campaign)";
    }

    /** The day of the set's last line before row {@code g} (day, channel, campaign order) that meets {@code and}. */
    private static String previous(String and) {
        String day = TOUCH_DAY.replace("#", "o");
        return "select max(" + day + ") from credit_line o where " + sameSet("o") + and + " and (" + day
                + ", o.channel, coalesce(o.campaign, '')) < (g.day, g.channel, g.campaign)";
    }

    private static String based(String alias) {
        return "(" + alias + ".base_credit_minor is not null or exists (select 1 from credit_set v where "
                + sameSet("v") + " and v.value_minor = 0))";
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
