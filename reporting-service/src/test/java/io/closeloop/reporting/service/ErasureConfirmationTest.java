package io.closeloop.reporting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Trust;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.DatabaseCoordinates;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Reporting's part of the erasure protocol through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class ErasureConfirmationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPORT = "/api/v1/reports/attributed-revenue?from=2026-08-01&to=2026-08-31";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "erase-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "erase-rep"))
    void reportingConfirmsOnceHoldsNothingThatPointsToThePersonOrTheirTouchesAndKeepsItsTotals() throws Exception {
        DatabaseCoordinates db = InfraTestResource.database("reporting");
        UUID person = UUID.randomUUID();
        UUID touch = UUID.randomUUID();
        UUID creditEvent = UUID.randomUUID();
        CreditSet set = new CreditSet("erase-rep", "e-1", "purchase", Instant.parse("2026-08-10T10:00:00Z"), "UTC",
                person, "last_touch", 1, 1, CreditSet.Status.ACTIVE, "EUR", 40_000, List.of(new CreditLine(touch,
                Instant.parse("2026-08-09T10:00:00Z"), "paid_search", "google", "cpc", "brand", 40_000, 1.0)));
        TopicProbe.publish(bootstrap, Topics.CREDITS, Keys.conversion("erase-rep", "e-1"), set, creditEvent);
        // The person's touch, published as identity does: its first version's message id is the touch id.
        TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RESOLVED, Keys.person("erase-rep", person),
                new TouchpointResolved("erase-rep", touch, person, 1.0, new ConsentSnapshot(
                        Map.of(ConsentPurpose.MEASUREMENT, ConsentSnapshot.GRANTED), "signal", Instant.now()),
                        "page_view", Instant.parse("2026-08-09T10:00:00Z"), "UTC", "paid_search",
                        new Utm("google", "cpc", "brand", null, null), Map.of(), null, null), touch);
        await().atMost(WAIT).until(() -> db.queryLong("select count(*) from processed_message where event_id in ('"
                + creditEvent + "', '" + touch + "')") == 2);
        given().get(REPORT).then().statusCode(200).body("totals[0].revenueMinor", org.hamcrest.Matchers.is(40000));

        UUID requestId = UUID.randomUUID();
        UUID erasureEvent = UUID.randomUUID();
        ErasureRequested erasure = new ErasureRequested("erase-rep", requestId, List.of(person),
                List.of(new IdentifierRef(IdentifierKind.EMAIL, "mk-" + UUID.randomUUID(), Trust.VERIFIED)),
                List.of("export-hash"), Instant.now());
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, Keys.request("erase-rep", requestId), erasure,
                erasureEvent);
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, Keys.request("erase-rep", requestId), erasure,
                erasureEvent);

        String id = requestId.toString();
        TopicProbe.readUntil(bootstrap, Topics.ERASURE_CONFIRMED.name(), WAIT,
                records -> records.stream().anyMatch(r -> r.value().contains(id)));
        List<ConsumerRecord<String, String>> confirmations = TopicProbe.readUntil(bootstrap,
                        Topics.ERASURE_CONFIRMED.name(), Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> r.value().contains(id)).toList();
        assertThat(confirmations).hasSize(1);
        ConsumerRecord<String, String> record = confirmations.get(0);
        ErasureConfirmed confirmed = Json.read(record.value(), ErasureConfirmed.class);
        assertThat(confirmed.tenant()).isEqualTo("erase-rep");
        assertThat(confirmed.requestId()).isEqualTo(requestId);
        assertThat(confirmed.service()).isEqualTo("reporting");
        // The touch's processed-message row, and the link from its count to the person.
        assertThat(confirmed.erasedRows()).isEqualTo(2);
        assertThat(record.key()).isEqualTo("erase-rep:" + requestId);
        assertThat(TopicProbe.header(record, Headers.EVENT_TYPE)).isEqualTo("erasure.confirmed");
        assertThat(TopicProbe.header(record, Headers.TENANT)).isEqualTo("erase-rep");

        // Nothing in reporting's database points to the person or their touches; the totals stay.
        for (String table : db.queryStrings("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            assertThat(db.queryLong("select count(*) from " + table + " t where cast(t as text) like '%" + person
                    + "%' or cast(t as text) like '%" + touch + "%'")).as(table).isZero();
        }
        given().get(REPORT).then().statusCode(200).body("totals[0].revenueMinor", org.hamcrest.Matchers.is(40000));
        assertThat(db.queryLong("select sum(touches) from touch_day where tenant = 'erase-rep'")).isEqualTo(1);
    }
}
