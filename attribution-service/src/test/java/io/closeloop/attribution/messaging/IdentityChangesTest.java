package io.closeloop.attribution.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.closeloop.attribution.TestEvents;
import io.closeloop.attribution.TestEvents.Event;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.ConsentState;
import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.ExperimentAssignmentResolved;
import io.closeloop.contracts.IdentityMerge;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Merges, unmerges, erasure, consent withdrawal and holdout experiments, through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class IdentityChangesTest {

    private static final String TENANT = "mergeco";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMergeRestatesTheSurvivorAnUnmergeMovesEventsBackAndAnErasureAnonymizesAndConfirms() throws Exception {
        TestEvents events = new TestEvents(bootstrap, TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID survivor = UUID.randomUUID();
        UUID absorbed = UUID.randomUUID();
        String order = "merge-" + survivor.toString().substring(0, 8);
        Event email = events.touch(survivor, now.minus(Duration.ofDays(5)), "email");
        Event search = events.touch(absorbed, now.minus(Duration.ofDays(3)), "paid_search");
        events.settle(List.of(email, search));
        events.settle(List.of(events.conversion(survivor, order, now.minus(Duration.ofDays(1)), 1_000)));
        assertThat(events.latest(order, "last_touch", 1).lines()).extracting(CreditLine::channel)
                .containsExactly("email");

        // The absorbed person's search touch joins the survivor's journey: last touch moves to it (version 2).
        events.settle(List.of(merge(IdentityMerge.MERGE, survivor, absorbed, List.of())));
        CreditSet merged = events.latest(order, "last_touch", 2);
        assertThat(merged.setVersion()).isEqualTo(2);
        assertThat(merged.lines()).extracting(CreditLine::touchId).containsExactly(search.eventId());
        assertThat(TestEvents.count("select count(*) from journey_touch where person_id = '" + absorbed + "'"))
                .isZero();

        // Unmerge: the search touch goes back; the conversion is credited to email again (version 3).
        events.settle(List.of(merge(IdentityMerge.UNMERGE, survivor, absorbed, List.of(search.eventId()))));
        assertThat(events.latest(order, "last_touch", 3).lines()).extracting(CreditLine::touchId)
                .containsExactly(email.eventId());

        // Erasure: every set re-issued anonymized with the credits kept, the rows gone, and a confirmation.
        UUID request = UUID.randomUUID();
        events.settle(List.of(events.event(Topics.ERASURE_REQUESTED, Keys.request(TENANT, request),
                new ErasureRequested(TENANT, request, List.of(survivor), List.of(), List.of(), now))));
        CreditSet anonymized = events.latest(order, "last_touch", 4);
        assertThat(anonymized.status()).isEqualTo(CreditSet.Status.ANONYMIZED);
        assertThat(anonymized.personId()).isNull();
        assertThat(anonymized.lines()).containsExactly(new CreditLine(null, null, "email", "email-source", "email",
                "email-campaign", 1_000, 1.0));
        assertThat(events.latest(order, "linear", 1).status()).isEqualTo(CreditSet.Status.ANONYMIZED);
        assertThat(TestEvents.count("select count(*) from journey_touch where person_id = '" + survivor + "'"))
                .isZero();
        assertThat(TestEvents.count("select count(*) from conversion where person_id = '" + survivor + "'")).isZero();
        String key = Keys.request(TENANT, request);
        ErasureConfirmed confirmed = Json.read(TopicProbe.readUntil(bootstrap, Topics.ERASURE_CONFIRMED.name(),
                TestEvents.WAIT, read -> read.stream().anyMatch(r -> key.equals(r.key()))).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow().value(), ErasureConfirmed.class);
        assertThat(confirmed.service()).isEqualTo("attribution");
        // one touch (email) and one conversion
        assertThat(confirmed.erasedRows()).isEqualTo(2);
        // The absorbed person's own touch is untouched.
        assertThat(TestEvents.count("select count(*) from journey_touch where person_id = '" + absorbed + "'"))
                .isEqualTo(1);
    }

    @Test
    void eventsOfAnAbsorbedPersonThatArriveAfterTheMergeJoinTheSurvivor() throws Exception {
        TestEvents events = new TestEvents(bootstrap, TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID survivor = UUID.randomUUID();
        UUID absorbed = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        String order = "late-" + absorbed.toString().substring(0, 8);
        Event email = events.touch(survivor, now.minus(Duration.ofDays(5)), "email");
        events.settle(List.of(email));
        // Identity merged twice (earlier into absorbed, then absorbed into survivor) before attribution saw any
        // event of the absorbed persons: resolved events and merges travel on different topics.
        events.settle(List.of(merge(IdentityMerge.MERGE, absorbed, earlier, List.of())));
        events.settle(List.of(merge(IdentityMerge.MERGE, survivor, absorbed, List.of())));
        events.settle(List.of(events.conversion(absorbed, order, now.minus(Duration.ofDays(1)), 800)));
        CreditSet credited = events.latest(order, "last_touch", 1);
        assertThat(credited.personId()).isEqualTo(survivor);
        assertThat(credited.lines()).extracting(CreditLine::touchId).containsExactly(email.eventId());

        Event search = events.touch(earlier, now.minus(Duration.ofDays(2)), "paid_search");
        events.settle(List.of(search));
        assertThat(events.latest(order, "last_touch", 2).lines()).extracting(CreditLine::touchId)
                .containsExactly(search.eventId());
        assertThat(TestEvents.count("select count(*) from journey_touch where person_id in ('" + absorbed + "', '"
                + earlier + "')")).isZero();
    }

    @Test
    void afterAWithdrawalLaterTouchesAreNotUsedButEarlierOnesStay() throws Exception {
        TestEvents events = new TestEvents(bootstrap, TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID person = UUID.randomUUID();
        String order = "consent-" + person.toString().substring(0, 8);
        Event before = events.touch(person, now.minus(Duration.ofDays(5)), "email");
        events.settle(List.of(before, events.event(Topics.CONSENT_STATES, Keys.person(TENANT, person),
                new ConsentState(TENANT, person, new ConsentSnapshot(Map.of(), "signal", now.minus(Duration.ofDays(2))),
                        true, now.minus(Duration.ofDays(2))))));
        events.settle(List.of(events.touch(person, now.minus(Duration.ofDays(1)), "paid_social"),
                events.conversion(person, order, now.minus(Duration.ofHours(1)), 500)));
        assertThat(events.latest(order, "last_touch", 1).lines()).extracting(CreditLine::touchId)
                .containsExactly(before.eventId());
        assertThat(TestEvents.count("select count(*) from journey_touch where person_id = '" + person + "'"))
                .isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "mergeco-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void aHoldoutReportsIncrementalConversionsRevenueAndLift() throws Exception {
        TestEvents events = new TestEvents(bootstrap, TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String experiment = "holdout-" + UUID.randomUUID().toString().substring(0, 8);
        List<Event> batch = new ArrayList<>();
        // Exposed: 4 persons, 2 convert for 3000 each. Control: 4 persons, 1 converts for 3000.
        for (int i = 0; i < 8; i++) {
            UUID person = UUID.randomUUID();
            String arm = i < 4 ? "exposed" : "control";
            batch.add(events.event(Topics.EXPERIMENTS_RESOLVED, Keys.person(TENANT, person),
                    new ExperimentAssignmentResolved(TENANT, UUID.randomUUID(), person, 1.0, experiment, "spring",
                            "paid_social", arm, now.minus(Duration.ofDays(3)))));
            if (i == 0 || i == 1 || i == 4) {
                batch.add(events.conversion(person, experiment + "-" + i, now.minus(Duration.ofDays(1)), 3_000));
            }
        }
        events.settle(batch);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        JsonPath result = given().queryParam("from", today.minusDays(7).toString())
                .queryParam("to", today.toString())
                .get("/api/v1/experiments/" + experiment + "/incrementality").then().statusCode(200)
                .extract().jsonPath();
        assertThat(result.getLong("exposed.persons")).isEqualTo(4);
        assertThat(result.getLong("exposed.converting")).isEqualTo(2);
        assertThat(result.getLong("control.converting")).isEqualTo(1);
        // 2 − 1 · 4/4 = 1 incremental conversion; 6000 − 3000 = 3000 minor units; lift 0.5/0.25 − 1 = 1.
        assertThat(result.getDouble("estimate.incrementalConversions")).isCloseTo(1.0, within(1e-9));
        assertThat(result.getDouble("estimate.incrementalRevenueMinor")).isCloseTo(3_000.0, within(1e-6));
        assertThat(result.getDouble("estimate.relativeLift")).isCloseTo(1.0, within(1e-9));
        assertThat(result.getDouble("estimate.relativeLiftInterval.lower")).isLessThan(1.0);
        given().queryParam("from", "yesterday").get("/api/v1/experiments/" + experiment + "/incrementality").then()
                .statusCode(400);
    }

    private static Event merge(String type, UUID survivor, UUID absorbed, List<UUID> eventIds) {
        UUID eventId = UUID.randomUUID();
        return new Event(Topics.IDENTITY_MERGES, Keys.merge(TENANT, absorbed), new IdentityMerge(TENANT, eventId, type,
                survivor, absorbed, eventIds, "email", Instant.now()), eventId);
    }
}
