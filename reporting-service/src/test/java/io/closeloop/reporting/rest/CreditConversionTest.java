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
 * The conversion rows kept at intake equal what the stored sets, their lines and each conversion's linear set say,
 * after {@link ReportFixture}'s restated, withdrawn and late conversions (linear sets arriving after other models'):
 * what the whole-conversion figures read is what they used to work out from the lines.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class CreditConversionTest {

    private static final String KEPT = "select tenant, model_id, conversion_id, channel, campaign, day,"
            + " conversion_time, currency, matched, based, unbased_credit_minor, path_touches, first_touch_time"
            + " from credit_conversion";
    private static final String FROM_LINES = "select s.tenant, s.model_id, s.conversion_id, l.channel,"
            + " coalesce(l.campaign, ''), cast(timezone(coalesce(z.time_zone, 'UTC'), s.conversion_time) as date),"
            + " s.conversion_time, s.currency, s.matched,"
            + " count(*) filter (where l.base_credit_minor is not null or s.value_minor = 0) > 0,"
            + " cast(sum(case when l.base_credit_minor is null and s.value_minor <> 0 then l.credit_minor end)"
            + " as numeric),"
            + " (select p.touch_count from credit_set p where p.tenant = s.tenant and p.conversion_id = s.conversion_id"
            + " and p.model_id = 'linear' and p.status <> 'withdrawn'),"
            + " (select p.first_touch_time from credit_set p where p.tenant = s.tenant"
            + " and p.conversion_id = s.conversion_id and p.model_id = 'linear' and p.status <> 'withdrawn')"
            + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
            + " and l.model_id = s.model_id left join tenant_zone z on z.tenant = s.tenant"
            + " where s.status <> 'withdrawn' group by s.tenant, s.model_id, s.conversion_id, l.channel,"
            + " coalesce(l.campaign, ''), z.time_zone, s.conversion_time, s.currency, s.matched, s.value_minor";

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

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
