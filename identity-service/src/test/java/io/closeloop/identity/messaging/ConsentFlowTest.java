package io.closeloop.identity.messaging;

import static io.closeloop.contracts.ConsentSnapshot.DENIED;
import static io.closeloop.contracts.ConsentSnapshot.GRANTED;
import static io.closeloop.identity.support.Flow.email;
import static io.closeloop.identity.support.Flow.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentState;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentityMerge;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.identity.support.Flow;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consent defaults, consent at the event's time, suppression, withdrawal and the most restrictive merge. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class ConsentFlowTest {

    private static final Instant NINE = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-10-01T10:00:00Z");
    private static final Instant NOON = Instant.parse("2026-10-01T12:00:00Z");
    private static final Instant ONE = Instant.parse("2026-10-01T13:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Flow flow;

    @BeforeEach
    void flow() {
        flow = new Flow(bootstrap);
    }

    @Test
    @TestSecurity(user = "def-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "consent-def"))
    void regionDefaultsDecideWebEventsAndASuppressedEventReachesNoDownstreamTopic() {
        String tenant = "consent-def";
        UUID eu = flow.touch(tenant, TEN, List.of(Flow.asserted(IdentifierKind.EMAIL, unique("e"))),
                Map.of("region", "DE"), null);
        UUID us = flow.touch(tenant, TEN, List.of(Flow.asserted(IdentifierKind.EMAIL, unique("e"))),
                Map.of("region", "US-CA"), null);
        UUID server = flow.touch(tenant, TEN, List.of(email(unique("e"))));

        TouchpointResolved usTouch = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), us, TouchpointResolved.class);
        assertThat(usTouch.consent().basis()).isEqualTo("tenant_default");
        assertThat(usTouch.consent().purposes()).containsEntry(ConsentPurpose.MEASUREMENT, GRANTED)
                .containsEntry(ConsentPurpose.SALE_SHARE_OPT_OUT, DENIED);
        TouchpointResolved serverTouch = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), server,
                TouchpointResolved.class);
        assertThat(serverTouch.consent().basis()).isEqualTo("server_side_default");

        await().atMost(Flow.WAIT).untilAsserted(() -> given()
                .get("/api/v1/consent/suppressed-counts?from=2026-10-01&to=2026-10-01").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("rows[0].day", equalTo("2026-10-01"))
                .body("rows[0].channel", equalTo("paid_search")).body("rows[0].events", equalTo(1))
                .body("total", equalTo(1)));
        for (String topic : List.of(Topics.TOUCHPOINTS_RESOLVED.name(), Topics.CONVERSIONS_RESOLVED.name(),
                Topics.EXPERIMENTS_RESOLVED.name(), Topics.IDENTITY_MERGES.name(), Topics.CONSENT_STATES.name())) {
            assertThat(flow.all(topic, Map.class, r -> r.toString().contains(eu.toString()), Duration.ofSeconds(2)))
                    .as(topic).isEmpty();
        }
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/consent/defaults").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "def-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "consent-admin"))
    void anAdminChangesTheDefaultsAndTheyApplyToLaterEvents() {
        String tenant = "consent-admin";
        given().get("/api/v1/consent/defaults").then().statusCode(200)
                .body("regions.EU.measurement", equalTo("denied")).body("regions.US.measurement", equalTo("granted"))
                .body("serverSide.measurement", equalTo("granted"));
        String all = "{\"measurement\":\"%s\",\"ad_storage\":\"%s\",\"ad_user_data\":\"%s\","
                + "\"ad_personalization\":\"%s\",\"sale_share_opt_out\":\"denied\"}";
        String granted = all.formatted("granted", "granted", "granted", "granted");
        String denied = all.formatted("denied", "denied", "denied", "denied");
        given().contentType(ContentType.JSON)
                .body("{\"regions\":{\"*\":" + denied + ",\"DE\":" + granted + "},\"serverSide\":" + denied + "}")
                .put("/api/v1/consent/defaults").then().statusCode(200).body("regions.DE.measurement", equalTo("granted"));
        given().contentType(ContentType.JSON).body("{\"regions\":{\"DE\":" + granted + "},\"serverSide\":{}}")
                .put("/api/v1/consent/defaults").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("regions", "serverSide.measurement"));

        UUID de = flow.touch(tenant, TEN, List.of(Flow.asserted(IdentifierKind.EMAIL, unique("e"))),
                Map.of("region", "DE"), null);
        assertThat(flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), de, TouchpointResolved.class).consent()
                .basis()).isEqualTo("tenant_default");
        UUID server = flow.touch(tenant, TEN, List.of(email(unique("e"))));
        UUID marker = flow.touch(tenant, TEN, List.of(Flow.asserted(IdentifierKind.EMAIL, unique("e"))),
                Map.of("region", "DE-BE"), null);
        flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), marker, TouchpointResolved.class);
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> t.eventId().equals(server), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theSignalInForceAtTheEventsTimeDecidesAndAWithdrawalReachesConsentStates() {
        String tenant = "consent-time";
        String e1 = unique("e1");
        flow.signal(tenant, NINE, List.of(email(e1)), "DE", Map.of(ConsentPurpose.MEASUREMENT, GRANTED));
        flow.await(Topics.CONSENT_STATES.name(), ConsentState.class, s -> s.tenant().equals(tenant), 1);
        UUID before = flow.touch(tenant, TEN, List.of(email(e1)));
        TouchpointResolved allowed = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), before,
                TouchpointResolved.class);
        assertThat(allowed.consent().basis()).isEqualTo("signal");
        assertThat(allowed.consent().decidedAt()).isEqualTo(NINE);
        UUID person = allowed.personId();

        flow.signal(tenant, NOON, List.of(email(e1)), "DE", Map.of(ConsentPurpose.MEASUREMENT, DENIED));
        ConsentState withdrawn = flow.await(Topics.CONSENT_STATES.name(), ConsentState.class,
                s -> s.personId().equals(person) && s.withdrawn(), 1).get(0);
        assertThat(withdrawn.consent().purposes()).containsEntry(ConsentPurpose.MEASUREMENT, DENIED);
        assertThat(withdrawn.consent().decidedAt()).isEqualTo(NOON);

        UUID after = flow.touch(tenant, ONE, List.of(email(e1)));
        UUID late = flow.touch(tenant, Instant.parse("2026-10-01T11:00:00Z"), List.of(email(e1)));
        TouchpointResolved lateTouch = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), late,
                TouchpointResolved.class);
        assertThat(lateTouch.personId()).isEqualTo(person);
        assertThat(lateTouch.consent().allows(ConsentPurpose.MEASUREMENT)).isTrue();
        assertThat(lateTouch.consent().decidedAt()).isEqualTo(NINE);
        UUID conversion = flow.conversion(tenant, unique("order"), "purchase", ONE, List.of(email(e1)));
        UUID marker = flow.touch(tenant, TEN, List.of(email(unique("other"))));
        flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), marker, TouchpointResolved.class);
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> t.eventId().equals(after), Duration.ofSeconds(3))).isEmpty();
        ConversionResolved stillCounts = flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), conversion,
                ConversionResolved.class);
        assertThat(stillCounts.personId()).isEqualTo(person);
        assertThat(stillCounts.consent().purposes()).containsEntry(ConsentPurpose.MEASUREMENT, DENIED);
        assertThat(stillCounts.consent().decidedAt()).isEqualTo(NOON);
    }

    @Test
    @TestSecurity(user = "merge-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "consent-merge"))
    void mergedPersonsKeepTheMostRestrictiveConsentPerPurpose() {
        String tenant = "consent-merge";
        String e1 = unique("e1");
        String e2 = unique("e2");
        flow.signal(tenant, NINE, List.of(email(e1)), "US", Map.of(ConsentPurpose.MEASUREMENT, GRANTED,
                ConsentPurpose.AD_STORAGE, GRANTED));
        flow.signal(tenant, NINE, List.of(email(e2)), "US", Map.of(ConsentPurpose.MEASUREMENT, GRANTED,
                ConsentPurpose.AD_STORAGE, DENIED));
        flow.await(Topics.CONSENT_STATES.name(), ConsentState.class, s -> s.tenant().equals(tenant), 2);
        UUID p1 = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), flow.touch(tenant, TEN, List.of(email(e1))),
                TouchpointResolved.class).personId();
        flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), flow.touch(tenant, TEN, List.of(email(e2))),
                TouchpointResolved.class);
        UUID joining = flow.touch(tenant, TEN, List.of(email(e1), email(e2)));
        UUID survivor = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), joining, TouchpointResolved.class)
                .personId();
        assertThat(flow.await(Topics.IDENTITY_MERGES.name(), IdentityMerge.class,
                m -> m.tenant().equals(tenant), 1).get(0).survivorPersonId()).isEqualTo(survivor);

        TouchpointResolved later = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(),
                flow.touch(tenant, NOON, List.of(email(e1))), TouchpointResolved.class);
        assertThat(later.personId()).isEqualTo(survivor);
        assertThat(later.consent().purposes()).containsEntry(ConsentPurpose.AD_STORAGE, DENIED)
                .containsEntry(ConsentPurpose.MEASUREMENT, GRANTED);
        ConsentState state = flow.await(Topics.CONSENT_STATES.name(), ConsentState.class,
                s -> s.personId().equals(survivor) && DENIED.equals(s.consent().purposes()
                        .get(ConsentPurpose.AD_STORAGE)) && s.tenant().equals(tenant), 1).get(0);
        assertThat(state.withdrawn()).isFalse();

        JsonPath audit = given().get("/api/v1/audit?action=consent_merge&personId=" + survivor).then()
                .statusCode(200).extract().jsonPath();
        assertThat(audit.getList("entries.purpose")).containsExactly("measurement", "ad_storage", "ad_user_data",
                "ad_personalization", "sale_share_opt_out");
        assertThat(audit.getList("entries.outcome")).containsExactly(GRANTED, DENIED, GRANTED, GRANTED, DENIED);
        assertThat(p1).isNotNull();
    }
}
