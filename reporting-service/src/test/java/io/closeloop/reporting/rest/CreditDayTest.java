package io.closeloop.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily credit sums kept at intake equal the sums of the stored lines, after {@link ReportFixture}'s restated,
 * withdrawn and late-flagged conversions: what the metric views read is what they used to add up, by conversion day
 * ({@code credit_day}) and by touch day ({@code credit_touch_day}).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class CreditDayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** The sums of the stored lines per tenant-zone day of {@code lineTime}. */
    private static String fromLines(String lineTime) {
        return "select s.tenant, s.model_id,"
                + " cast(timezone(coalesce(z.time_zone, 'UTC'), " + lineTime + ") as date), l.channel,"
                + " coalesce(l.campaign, ''), s.currency,"
                + " cast(case when l.base_credit_minor is not null then 'b' when s.value_minor = 0 then 'z'"
                + " else 'o' end as char(1)), count(*), cast(sum(l.credit_minor) as numeric),"
                + " cast(coalesce(sum(l.base_credit_minor), 0) as numeric), sum(l.fractional_conversions),"
                + " coalesce(sum(l.fractional_conversions) filter (where s.value_minor > 0), 0),"
                + " coalesce(sum(l.fractional_conversions) filter (where f.offline), 0),"
                + " coalesce(sum(l.fractional_conversions) filter (where f.lead), 0)"
                + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
                + " and l.model_id = s.model_id"
                + " left join conversion_fact f on f.tenant = s.tenant and f.conversion_id = s.conversion_id"
                + " left join tenant_zone z on z.tenant = s.tenant where s.status <> 'withdrawn'"
                + " group by 1, 2, 3, 4, 5, 6, 7";
    }

    @BeforeEach
    void fixture() throws Exception {
        ReportFixture.load(bootstrap);
    }

    @Test
    void dailySumsEqualTheStoredLines() throws Exception {
        assertKeptEqualsLines("credit_day", "s.conversion_time");
    }

    /** On the touch date: each line on its touch's day, a line without a touch on its conversion's. */
    @Test
    void touchDaySumsEqualTheStoredLines() throws Exception {
        assertKeptEqualsLines("credit_touch_day", "coalesce(l.touch_time, s.conversion_time)");
    }

    private void assertKeptEqualsLines(String table, String lineTime) throws Exception {
        String kept = "select tenant, model_id, day, channel, campaign, currency, amount_kind, lines, credit_minor,"
                + " base_credit_minor, fractional_conversions, valued_conversions, offline_conversions,"
                + " lead_conversions from " + table + " where lines <> 0";
        String fromLines = fromLines(lineTime);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from (" + kept + ") k")).isPositive();
            assertThat(count(s, "select count(*) from ((" + kept + " except " + fromLines + ") union all ("
                    + fromLines + " except " + kept + ")) d")).isZero();
            assertThat(count(s, "select count(*) from " + table + " where lines = 0 and (credit_minor <> 0"
                    + " or base_credit_minor <> 0 or fractional_conversions <> 0 or offline_conversions <> 0"
                    + " or lead_conversions <> 0 or valued_conversions <> 0)")).isZero();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
