package io.closeloop.identity.messaging;

import static io.closeloop.identity.support.Flow.email;
import static io.closeloop.identity.support.Flow.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

/** Merges, the over-merge guard with its review list, the trust rule, unmerge and probabilistic links. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class GraphFlowTest {

    private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");
    private static final Map<String, String> US = Map.of("region", "US");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Flow flow;

    @BeforeEach
    void flow() {
        flow = new Flow(bootstrap);
    }

    @Test
    void anEventNamingTwoPersonsMergesThemIntoTheOlderAndRePointsTheIdentifiers() {
        String tenant = "merge-a";
        String e1 = unique("e1");
        String e2 = unique("e2");
        UUID p1 = touch(flow.touch(tenant, T, List.of(email(e1))));
        UUID p2 = touch(flow.touch(tenant, T, List.of(email(e2))));
        UUID joining = flow.touch(tenant, T, List.of(email(e2), email(e1)));

        IdentityMerge merge = merges(tenant, p2).get(0);
        assertThat(merge.type()).isEqualTo(IdentityMerge.MERGE);
        assertThat(merge.survivorPersonId()).isEqualTo(p1);
        assertThat(merge.reason()).isEqualTo("email");
        assertThat(merge.eventIds()).isEmpty();
        assertThat(touch(joining)).isEqualTo(p1);
        assertThat(touch(flow.touch(tenant, T, List.of(email(e2))))).isEqualTo(p1);
        assertThat(p2).isNotEqualTo(p1);
    }

    @Test
    @TestSecurity(user = "guard-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "guard-a"))
    void aMergeOverTheEmailLimitWaitsForReviewAndMergesWhenApproved() {
        String tenant = "guard-a";
        String e1 = unique("e1");
        String e4 = unique("e4");
        UUID p1 = touch(flow.touch(tenant, T, List.of(email(e1), email(unique("e2")), email(unique("e3")))));
        UUID p2 = touch(flow.touch(tenant, T, List.of(email(e4))));
        UUID blocked = flow.touch(tenant, T, List.of(email(e1), email(e4)));
        assertThat(touch(blocked)).isEqualTo(p1);

        JsonPath reviews = given().get("/api/v1/identity/reviews").then().statusCode(200).extract().jsonPath();
        assertThat(reviews.getList("eventId")).containsExactly(blocked.toString());
        assertThat(reviews.getString("[0].rule")).isEqualTo("max_email_keys");
        assertThat(reviews.getString("[0].personId")).isEqualTo(p1.toString());
        assertThat(reviews.getString("[0].otherPersonId")).isEqualTo(p2.toString());
        assertThat(flow.all(Topics.IDENTITY_MERGES.name(), IdentityMerge.class,
                m -> m.tenant().equals(tenant), Duration.ofSeconds(2))).isEmpty();

        String review = reviews.getString("[0].reviewId");
        given().post("/api/v1/identity/reviews/" + review + "/approve").then().statusCode(200)
                .body("status", equalTo("approved")).body("decidedBy", equalTo("guard-admin"));
        IdentityMerge merge = merges(tenant, p2).get(0);
        assertThat(merge.survivorPersonId()).isEqualTo(p1);
        assertThat(merge.reason()).isEqualTo("approved:max_email_keys");
        assertThat(touch(flow.touch(tenant, T, List.of(email(e4))))).isEqualTo(p1);
        given().get("/api/v1/identity/reviews").then().statusCode(200).body("size()", equalTo(0));
        given().post("/api/v1/identity/reviews/" + review + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("reviewId"));
    }

    @Test
    void anAssertedIdentifierLinksAnAnonymousJourneyButNeverJoinsTwoVerifiedPersons() {
        String tenant = "trust-a";
        String e1 = unique("e1");
        String e2 = unique("e2");
        String device = unique("d");
        UUID p1 = touch(flow.touch(tenant, T, List.of(email(e1))));
        UUID p2 = touch(flow.touch(tenant, T, List.of(email(e2))));
        UUID anonymous = flow.touch(tenant, T, List.of(Flow.asserted(IdentifierKind.DEVICE, device)), US, null);

        UUID formFill = flow.touch(tenant, T.plusSeconds(60), List.of(Flow.asserted(IdentifierKind.EMAIL, e1),
                Flow.asserted(IdentifierKind.DEVICE, device)), US, null);
        assertThat(touch(formFill)).isEqualTo(p1);
        assertThat(touch(anonymous)).isEqualTo(p1);

        UUID claimBoth = flow.touch(tenant, T, List.of(Flow.asserted(IdentifierKind.EMAIL, e1),
                Flow.asserted(IdentifierKind.EMAIL, e2)), US, null);
        assertThat(touch(claimBoth)).isEqualTo(p1);
        assertThat(touch(flow.touch(tenant, T, List.of(email(e2))))).isEqualTo(p2);
        assertThat(flow.all(Topics.IDENTITY_MERGES.name(), IdentityMerge.class,
                m -> m.tenant().equals(tenant), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    @TestSecurity(user = "unmerge-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "unmerge-a"))
    void unmergeGivesTheAbsorbedPersonBackItsIdentifiersAndEvents() {
        String tenant = "unmerge-a";
        String e1 = unique("e1");
        String e2 = unique("e2");
        UUID t1 = flow.touch(tenant, T, List.of(email(e1)));
        UUID p1 = touch(t1);
        UUID t2 = flow.touch(tenant, T, List.of(email(e2)));
        UUID p2 = touch(t2);
        UUID c1 = flow.conversion(tenant, unique("order"), "purchase", T.plusSeconds(60), List.of(email(e2)));
        assertThat(flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), c1, ConversionResolved.class).personId())
                .isEqualTo(p2);
        touch(flow.touch(tenant, T, List.of(email(e1), email(e2))));
        assertThat(merges(tenant, p2)).hasSize(1);

        JsonPath result = given().contentType(ContentType.JSON).body("{\"absorbedPersonId\":\"" + p2 + "\"}")
                .post("/api/v1/identity/persons/" + p1 + "/unmerge").then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("eventIds")).containsExactlyInAnyOrder(t2.toString(), c1.toString());
        List<IdentityMerge> both = flow.await(Topics.IDENTITY_MERGES.name(), IdentityMerge.class,
                m -> m.tenant().equals(tenant), 2);
        IdentityMerge unmerge = both.get(1);
        assertThat(unmerge.type()).isEqualTo(IdentityMerge.UNMERGE);
        assertThat(unmerge.survivorPersonId()).isEqualTo(p1);
        assertThat(unmerge.absorbedPersonId()).isEqualTo(p2);
        assertThat(unmerge.eventIds()).containsExactlyInAnyOrder(t2, c1);

        assertThat(touch(flow.touch(tenant, T, List.of(email(e2))))).isEqualTo(p2);
        assertThat(touch(flow.touch(tenant, T, List.of(email(e1))))).isEqualTo(p1);
        given().contentType(ContentType.JSON).body("{\"absorbedPersonId\":\"" + p2 + "\"}")
                .post("/api/v1/identity/persons/" + p1 + "/unmerge").then().statusCode(400)
                .body("errors[0].field", equalTo("absorbedPersonId"));
    }

    @Test
    void aRecordWithoutAKnownHardIdLinksProbabilisticallyAndCarriesItsConfidence() {
        String tenant = "prob-a";
        String domain = unique("acme") + ".com";
        Map<String, String> jane = Map.of("first_name", "jane", "last_name", "doe", "company_domain", domain,
                "postcode", "10115");
        UUID p1 = touch(flow.touch(tenant, T, List.of(email(unique("e1"))), null, jane));
        String device = unique("d");
        UUID form = flow.touch(tenant, T, List.of(new io.closeloop.contracts.IdentifierRef(IdentifierKind.DEVICE,
                device, io.closeloop.contracts.Trust.VERIFIED)), null, jane);
        TouchpointResolved linked = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), form, TouchpointResolved.class);
        assertThat(linked.personId()).isEqualTo(p1);
        assertThat(linked.linkConfidence()).isEqualTo(0.95);

        UUID later = flow.touch(tenant, T, List.of(new io.closeloop.contracts.IdentifierRef(IdentifierKind.DEVICE,
                device, io.closeloop.contracts.Trust.VERIFIED)));
        TouchpointResolved viaDevice = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), later,
                TouchpointResolved.class);
        assertThat(viaDevice.personId()).isEqualTo(p1);
        assertThat(viaDevice.linkConfidence()).isEqualTo(0.95);

        Map<String, String> otherPostcode = Map.of("first_name", "jane", "last_name", "doe", "company_domain",
                domain, "postcode", "80331");
        UUID below = flow.touch(tenant, T, List.of(email(unique("e2"))), null, otherPostcode);
        TouchpointResolved apart = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), below, TouchpointResolved.class);
        assertThat(apart.personId()).isNotEqualTo(p1);
        assertThat(apart.linkConfidence()).isEqualTo(1.0);
    }

    @Test
    void aProbabilisticMatchJoinsAPhoneToAnEmailsPersonButNeverASecondEmail() {
        String tenant = "prob-kinds";
        Map<String, String> jane = Map.of("first_name", "jane", "last_name", "doe", "company_domain",
                unique("acme") + ".com", "postcode", "10115");
        UUID p1 = touch(flow.touch(tenant, T, List.of(email(unique("e1"))), null, jane));
        UUID otherEmail = flow.touch(tenant, T, List.of(email(unique("e2"))), null, jane);
        assertThat(touch(otherEmail)).isNotEqualTo(p1);
        UUID phone = flow.touch(tenant, T, List.of(new io.closeloop.contracts.IdentifierRef(IdentifierKind.PHONE,
                unique("phone:+4930"), io.closeloop.contracts.Trust.VERIFIED)), null, jane);
        TouchpointResolved linked = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), phone, TouchpointResolved.class);
        assertThat(linked.linkConfidence()).isEqualTo(0.95);
    }

    @Test
    @TestSecurity(user = "prob-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "prob-off"))
    void aTenantThatSwitchedProbabilisticMatchingOffLinksByIdentifiersOnly() {
        String tenant = "prob-off";
        given().get("/api/v1/identity/settings").then().statusCode(200).body("probabilisticMatching", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"maxEmailKeysPerPerson\":3,\"maxPersonsPerDevice\":3,"
                + "\"matchThreshold\":0.75,\"probabilisticMatching\":false}").put("/api/v1/identity/settings")
                .then().statusCode(200).body("probabilisticMatching", equalTo(false));
        Map<String, String> jane = Map.of("first_name", "jane", "last_name", "doe", "company_domain",
                unique("acme") + ".com", "postcode", "10115");
        UUID p1 = touch(flow.touch(tenant, T, List.of(email(unique("e1"))), null, jane));
        UUID form = flow.touch(tenant, T, List.of(new io.closeloop.contracts.IdentifierRef(IdentifierKind.PHONE,
                unique("phone:+4930"), io.closeloop.contracts.Trust.VERIFIED)), null, jane);
        TouchpointResolved apart = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), form, TouchpointResolved.class);
        assertThat(apart.personId()).isNotEqualTo(p1);
        assertThat(apart.linkConfidence()).isEqualTo(1.0);

        given().contentType(ContentType.JSON).body("{\"maxEmailKeysPerPerson\":3,\"maxPersonsPerDevice\":3,"
                + "\"matchThreshold\":0.75}").put("/api/v1/identity/settings")
                .then().statusCode(200).body("probabilisticMatching", equalTo(true));
        UUID again = flow.touch(tenant, T, List.of(new io.closeloop.contracts.IdentifierRef(IdentifierKind.PHONE,
                unique("phone:+4930"), io.closeloop.contracts.Trust.VERIFIED)), null, jane);
        assertThat(flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), again, TouchpointResolved.class)
                .linkConfidence()).isEqualTo(0.95);
    }

    @Test
    @TestSecurity(user = "fit-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "fit-a"))
    void anAdminFitsTheTenantsMatchModelOnDemandAndEachFitIsANewStoredVersion() {
        String tenant = "fit-a";
        given().get("/api/v1/identity/match-model").then().statusCode(200).body("version", equalTo(0));
        given().post("/api/v1/identity/match-model/fits").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("0 records"));
        String[] first = {"jane", "john", "mary", "peter", "anna", "paul"};
        String[] last = {"doe", "smith", "miller", "jones", "brown"};
        for (int i = 0; i < 30; i++) {
            Map<String, String> features = Map.of("first_name", first[i % first.length], "last_name",
                    last[i % last.length], "postcode", "1011" + (i % 4));
            flow.touch(tenant, T, List.of(email(unique("e"))), null, features);
        }
        flow.await(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class, t -> t.tenant().equals(tenant), 30);
        given().post("/api/v1/identity/match-model/fits").then().statusCode(201).body("version", equalTo(1))
                .body("records", equalTo(30));
        given().get("/api/v1/identity/match-model").then().statusCode(200).body("version", equalTo(1))
                .body("records", equalTo(30));
        given().post("/api/v1/identity/match-model/fits").then().statusCode(201).body("version", equalTo(2));
    }

    private UUID touch(UUID eventId) {
        return flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), eventId, TouchpointResolved.class).personId();
    }

    private List<IdentityMerge> merges(String tenant, UUID absorbed) {
        return flow.await(Topics.IDENTITY_MERGES.name(), IdentityMerge.class,
                m -> m.tenant().equals(tenant) && m.absorbedPersonId().equals(absorbed), 1);
    }
}
