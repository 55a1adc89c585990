package io.closeloop.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.InfraTestResource;
import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.repository.Grouping;
import io.closeloop.reporting.repository.MetricSql;
import io.closeloop.reporting.repository.ReportScope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversion rows kept at intake equal what the stored sets, their lines and each conversion's linear set say,
 * after {@link ReportFixture}'s restated, withdrawn and late conversions (linear sets arriving after other models'),
 * and the whole-conversion figures and withoutRate read from them equal those worked out from the lines, for every
 * grouping, filter, model choice and base currency.
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
            + " from (select s.tenant, s.model_id, s.conversion_id, l.channel, coalesce(l.campaign, '') as campaign,"
            + " cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date), s.conversion_time,"
            + " s.currency, s.matched,"
            + " count(*) filter (where l.base_credit_minor is not null or s.value_minor = 0) > 0 as based,"
            + " cast(sum(case when l.base_credit_minor is null and s.value_minor <> 0 then l.credit_minor end)"
            + " as numeric),"
            + " (select p.touch_count from credit_set p where p.tenant = s.tenant and p.conversion_id = s.conversion_id"
            + " and p.model_id = 'linear' and p.status <> 'withdrawn'),"
            + " (select p.first_touch_time from credit_set p where p.tenant = s.tenant"
            + " and p.conversion_id = s.conversion_id and p.model_id = 'linear' and p.status <> 'withdrawn')"
            + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
            + " and l.model_id = s.model_id left join tenant_zone z on z.tenant = s.tenant"
            + " where s.status <> 'withdrawn' group by s.tenant, s.model_id, s.conversion_id, l.channel,"
            + " coalesce(l.campaign, ''), z.time_zone, s.conversion_time, s.currency, s.matched, s.value_minor) g";
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
        List<Grouping> groupings = List.of(Grouping.TOTAL, Grouping.CHANNEL, Grouping.CAMPAIGN, Grouping.MODEL_CHANNEL,
                Grouping.period(Grain.DAY), Grouping.period(Grain.WEEK), new Grouping(true, false, false, null));
        List<List<String>> models = List.of(List.of("last_touch"), List.of("linear"),
                List.of("last_touch", "linear"));
        String[][] filters = {{null, null}, {"paid_search", null}, {null, "brand"}, {"paid_social", "retarget"}};
        int compared = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String base : Arrays.asList("GBP", "EUR", null)) {
                for (List<String> model : models) {
                    for (String[] filter : filters) {
                        ReportScope scope = scope(model, base, filter[0], filter[1]);
                        for (Grouping grouping : groupings) {
                            List<String> kept = rows(c, MetricSql.conversions(scope, grouping));
                            assertThat(kept).as("%s %s %s %s", base, model, Arrays.toString(filter), grouping)
                                    .isEqualTo(rows(c, MetricSql.conversionsFromLines(scope, grouping)));
                            compared += kept.size();
                        }
                        assertThat(rows(c, MetricSql.creditsWithoutRate(scope)))
                                .as("withoutRate %s %s %s", base, model, Arrays.toString(filter))
                                .isEqualTo(rows(c, MetricSql.creditsWithoutRateFromLines(scope)));
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static ReportScope scope(List<String> models, String base, String channel, String campaign) {
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate from = LocalDate.of(2026, 1, 5);
        LocalDate to = LocalDate.of(2026, 1, 11);
        return new ReportScope(ReportFixture.TENANT, models, zone.getId(), base, from, to,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), channel, campaign,
                false);
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
            return java.math.BigDecimal.valueOf(rs.getDouble(column)).stripTrailingZeros().toPlainString();
        }
        return rs.getString(column);
    }

    private static String sameSet(String alias) {
        return alias + ".tenant = g.tenant and " + alias + ".conversion_id = g.conversion_id and " + alias
                + ".model_id = g.model_id";
    }

    private static String before(String alias) {
        return "(" + alias + ".channel, coalesce(" + alias + ".campaign, '')) < (g.channel, g.campaign)";
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
