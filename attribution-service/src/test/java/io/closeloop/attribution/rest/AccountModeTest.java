package io.closeloop.attribution.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.attribution.TestEvents;
import io.closeloop.attribution.TestEvents.Event;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Account mode through the service: a deal is credited over every contact's journey, and restated by any of them. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class AccountModeTest {

    private static final String TENANT = "accountco";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "accountco-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void aDealIsCreditedOverItsContactsJourneysAndAContactsLateTouchRestatesIt() {
        given().contentType(ContentType.JSON).body("{\"accountMode\":true,\"lookbackDaysByType\":{\"deal\":60}}")
                .put("/api/v1/attribution/settings").then().statusCode(202);
        TestEvents events = new TestEvents(bootstrap, TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID buyer = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        String deal = "deal-" + buyer.toString().substring(0, 8);
        events.settle(List.of(events.touch(buyer, now.minus(Duration.ofDays(20)), "email"),
                events.touch(colleague, now.minus(Duration.ofDays(10)), "events"),
                // 61 days before the deal, outside its 60-day lookback: never counts
                events.touch(colleague, now.minus(Duration.ofDays(62)), "display")));
        events.settle(List.of(events.deal(buyer, List.of(colleague), deal, now.minus(Duration.ofDays(1)), 90_000)));

        // Linear over email (buyer) and events (colleague): 45000 each.
        CreditSet linear = events.latest(deal, "linear", 1);
        assertThat(linear.lines()).extracting(CreditLine::channel, CreditLine::creditMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("email", 45_000L),
                org.assertj.core.groups.Tuple.tuple("events", 45_000L));

        // The colleague's late touch restates the deal: version 2, three touches of 30000.
        Event late = events.touch(colleague, now.minus(Duration.ofDays(5)), "paid_search");
        events.settle(List.of(late));
        CreditSet restated = events.latest(deal, "linear", 2);
        assertThat(restated.setVersion()).isEqualTo(2);
        assertThat(restated.lines()).extracting(CreditLine::creditMinor).containsExactly(30_000L, 30_000L, 30_000L);
        assertThat(events.latest(deal, "last_touch", 2).lines()).extracting(CreditLine::touchId)
                .containsExactly(late.eventId());
    }
}
