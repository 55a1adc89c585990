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
import io.closeloop.contracts.ConversionChange;
import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.IdentityMerge;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Trust;
import io.closeloop.identity.service.AnonymousJourneyPurge;
import io.closeloop.identity.support.Flow;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identity on realistic data: anonymous device journeys whatever the arrival order, calls from known phones,
 * shared devices, consent through merges, conversions that always count, server-side sources, expiry.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class AccuracyFlowTest {

    private static final Instant NINE = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-10-01T10:00:00Z");
    private static final Instant NOON = Instant.parse("2026-10-01T12:00:00Z");
    private static final Map<String, String> US = Map.of("region", "US");
    private static final Map<String, String> DE = Map.of("region", "DE");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AnonymousJourneyPurge expiry;

    Flow flow;

    @BeforeEach
    void flow() {
        flow = new Flow(bootstrap);
    }

    /** One tenant's events by name; each call sends the named event and returns its id. */
    private Map<String, BiFunction<String, String, UUID>> journeys() {
        Map<String, BiFunction<String, String, UUID>> events = new LinkedHashMap<>();
        Instant d1 = Instant.parse("2026-10-01T10:00:00Z");
        Instant d2 = Instant.parse("2026-10-02T10:00:00Z");
        Instant d3 = Instant.parse("2026-10-03T10:00:00Z");
        Instant d4 = Instant.parse("2026-10-04T10:00:00Z");
        // Jane (US): two device-only visits, a form fill that links the device, a CRM deal by email.
        events.put("t1", (t, s) -> flow.touch(t, d1, List.of(device("dJ" + s)), US, null));
        events.put("t2", (t, s) -> flow.touch(t, d2, List.of(device("dJ" + s)), US, null));
        events.put("f1", (t, s) -> flow.touch(t, d3, List.of(Flow.asserted(IdentifierKind.EMAIL, "eJ" + s),
                device("dJ" + s)), US, null));
        events.put("c1", (t, s) -> flow.conversion(t, "o1", "purchase", d4, List.of(email("eJ" + s))));
        // Karl (DE, opt-in): a device-only visit and an order known only by the device.
        events.put("t3", (t, s) -> flow.touch(t, d1, List.of(device("dK" + s)), DE, null));
        events.put("c2", (t, s) -> flow.conversion(t, "o2", "purchase", d4,
                List.of(new IdentifierRef(IdentifierKind.DEVICE, "dK" + s, Trust.VERIFIED))));
        // Someone never identified.
        events.put("t4", (t, s) -> flow.touch(t, d1, List.of(device("dL" + s)), US, null));
        return events;
    }

    @Test
    void anonymousJourneysJoinTheirPersonWhateverTheArrivalOrder() throws Exception {
        String suffix = unique("");
        List<String> forward = List.of("t1", "t2", "f1", "c1", "t3", "c2", "t4");
        List<String> reversed = new ArrayList<>(forward);
        Collections.reverse(reversed);
        List<String> interleaved = List.of("f1", "t3", "c2", "t1", "c1", "t4", "t2");
        Map<String, Map<String, UUID>> sent = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> order : Map.of("fwd", forward, "rev", reversed, "mix", interleaved)
                .entrySet()) {
            String tenant = "journey-" + order.getKey() + suffix;
            Map<String, UUID> ids = new HashMap<>();
            for (String name : order.getValue()) {
                ids.put(name, journeys().get(name).apply(tenant, suffix));
            }
            sent.put(tenant, ids);
        }
        String concurrent = "journey-par" + suffix;
        Map<String, UUID> parallel = Collections.synchronizedMap(new HashMap<>());
        List<Thread> senders = new ArrayList<>();
        for (String name : forward) {
            Thread sender = new Thread(() -> parallel.put(name, journeys().get(name).apply(concurrent, suffix)));
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        sent.put(concurrent, parallel);

        for (Map.Entry<String, Map<String, UUID>> tenant : sent.entrySet()) {
            Map<String, UUID> ids = tenant.getValue();
            Map<String, UUID> persons = new HashMap<>();
            for (String name : List.of("t1", "t2", "f1")) {
                TouchpointResolved touch = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), ids.get(name),
                        TouchpointResolved.class);
                assertThat(touch.consent().allows(ConsentPurpose.MEASUREMENT)).as(tenant.getKey() + " " + name).isTrue();
                persons.put(name, touch.personId());
            }
            for (String name : List.of("c1", "c2")) {
                persons.put(name, flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), ids.get(name),
                        ConversionResolved.class).personId());
            }
            assertThat(groups(persons)).as(tenant.getKey())
                    .isEqualTo(Set.of(Set.of("t1", "t2", "f1", "c1"), Set.of("c2")));
        }
        Set<UUID> never = new HashSet<>();
        sent.values().forEach(ids -> {
            never.add(ids.get("t3"));
            never.add(ids.get("t4"));
        });
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> never.contains(t.eventId()), Duration.ofSeconds(3))).isEmpty();
        assertThat(flow.all(Topics.IDENTITY_MERGES.name(), IdentityMerge.class,
                m -> sent.containsKey(m.tenant()), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    @TestSecurity(user = "journey-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "journey-denied"))
    void anAnonymousTouchLinkedToAPersonWithoutConsentIsCountedAsSuppressed() {
        String tenant = "journey-denied";
        String device = unique("d");
        UUID visit = flow.touch(tenant, TEN, List.of(device(device)), DE, null);
        UUID order = flow.conversion(tenant, unique("o"), "purchase", NOON,
                List.of(new IdentifierRef(IdentifierKind.DEVICE, device, Trust.VERIFIED)));
        flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), order, ConversionResolved.class);
        await().atMost(Flow.WAIT).untilAsserted(() -> given()
                .get("/api/v1/consent/suppressed-counts?from=2026-10-01&to=2026-10-01").then().statusCode(200)
                .body("total", equalTo(1)));
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> t.eventId().equals(visit), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aConsentSignalNamingAnAnonymousDeviceMakesItsJourneyAPersons() {
        String tenant = "journey-signal";
        String device = unique("d");
        UUID visit = flow.touch(tenant, TEN, List.of(device(device)), DE, null);
        flow.signal(tenant, NINE, List.of(device(device)), "DE", Map.of(ConsentPurpose.MEASUREMENT, GRANTED));
        TouchpointResolved joined = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), visit, TouchpointResolved.class);
        assertThat(joined.consent().basis()).isEqualTo("signal");
        assertThat(joined.consent().decidedAt()).isEqualTo(NINE);
    }

    @Test
    void aCallFromAKnownPhoneJoinsThatPerson() {
        String tenant = "caller-a";
        String phone = unique("phone:+4930");
        UUID person = touchPerson(flow.touch(tenant, TEN, List.of(new IdentifierRef(IdentifierKind.PHONE, phone,
                Trust.VERIFIED))));
        UUID call = flow.touch(tenant, NOON, List.of(new IdentifierRef(IdentifierKind.CALLER, phone, Trust.VERIFIED)));
        assertThat(touchPerson(call)).isEqualTo(person);
    }

    @Test
    void aNewEmailWithAnotherPersonsDeviceBelongsToANewPersonAndTheDeviceStays() {
        String tenant = "shared-a";
        String device = unique("tablet");
        IdentifierRef tablet = new IdentifierRef(IdentifierKind.DEVICE, device, Trust.VERIFIED);
        UUID anna = touchPerson(flow.touch(tenant, TEN, List.of(email(unique("anna")), tablet)));
        UUID ben = touchPerson(flow.touch(tenant, NOON, List.of(email(unique("ben")), tablet)));
        assertThat(ben).isNotEqualTo(anna);
        assertThat(touchPerson(flow.touch(tenant, NOON.plusSeconds(60), List.of(tablet)))).isEqualTo(anna);
        assertThat(flow.all(Topics.IDENTITY_MERGES.name(), IdentityMerge.class, m -> m.tenant().equals(tenant),
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aMergedPersonWithoutASignalDoesNotBorrowTheOthersGrant() {
        String tenant = "leak-a";
        String e1 = unique("e1");
        String e2 = unique("e2");
        flow.signal(tenant, NINE, List.of(email(e1)), "DE", Map.of(ConsentPurpose.MEASUREMENT, GRANTED));
        flow.await(Topics.CONSENT_STATES.name(), ConsentState.class, s -> s.tenant().equals(tenant), 1);
        UUID bought = flow.conversion(tenant, unique("o"), "purchase", NINE, List.of(email(e2)));
        flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), bought, ConversionResolved.class);
        UUID joining = flow.touch(tenant, TEN, List.of(email(e1), email(e2)));
        UUID survivor = touchPerson(joining);
        flow.await(Topics.IDENTITY_MERGES.name(), IdentityMerge.class, m -> m.tenant().equals(tenant), 1);

        UUID asE2 = flow.touch(tenant, NOON, List.of(Flow.asserted(IdentifierKind.EMAIL, e2)), DE, null);
        UUID marker = flow.touch(tenant, NOON, List.of(email(unique("other"))));
        touchPerson(marker);
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> t.eventId().equals(asE2), Duration.ofSeconds(2))).isEmpty();
        ConsentState merged = flow.await(Topics.CONSENT_STATES.name(), ConsentState.class,
                s -> s.tenant().equals(tenant) && s.personId().equals(survivor)
                        && DENIED.equals(s.consent().purposes().get(ConsentPurpose.MEASUREMENT)), 1).get(0);
        assertThat(merged.withdrawn()).isFalse();
    }

    @Test
    @TestSecurity(user = "sources-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "sources-a"))
    void conversionsAlwaysCountAndOnlyListedSourcesRestOnTheServerSideBasis() {
        String tenant = "sources-a";
        String all = "{\"measurement\":\"%s\",\"ad_storage\":\"%1$s\",\"ad_user_data\":\"%1$s\","
                + "\"ad_personalization\":\"%1$s\",\"sale_share_opt_out\":\"denied\"}";
        given().get("/api/v1/consent/defaults").then().statusCode(200).body("serverSideSources", equalTo(List.of("*")));
        given().contentType(ContentType.JSON).body("{\"regions\":{\"*\":" + all.formatted("denied") + "},"
                + "\"serverSide\":" + all.formatted("granted") + ",\"serverSideSources\":[\"bad source\"]}")
                .put("/api/v1/consent/defaults").then().statusCode(400)
                .body("errors[0].field", equalTo("serverSideSources[0]"));
        given().contentType(ContentType.JSON).body("{\"regions\":{\"*\":" + all.formatted("denied") + "},"
                + "\"serverSide\":" + all.formatted("granted") + ",\"serverSideSources\":[\"crm-sync\"]}")
                .put("/api/v1/consent/defaults").then().statusCode(200)
                .body("serverSideSources", equalTo(List.of("crm-sync")));

        UUID proxied = flow.touch(tenant, TEN, List.of(email(unique("e"))), Map.of("source_client", "web-proxy"),
                null);
        UUID synced = flow.touch(tenant, TEN, List.of(email(unique("e"))), Map.of("source_client", "crm-sync"),
                null);
        assertThat(flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), synced, TouchpointResolved.class).consent()
                .basis()).isEqualTo("server_side_default");
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> t.eventId().equals(proxied), Duration.ofSeconds(2))).isEmpty();

        UUID eventId = UUID.randomUUID();
        List<IdentifierRef> ids = List.of(email(unique("buyer")));
        Instant updated = Instant.parse("2026-10-02T08:00:00Z");
        ConversionRaw raw = new ConversionRaw(tenant, eventId, unique("deal"), "purchase", "won", NOON, "UTC",
                Instant.now(), new Money(5000, "USD"), "web-shop", ids, Map.of(), new Money(4600, "EUR"), null,
                Map.of("source_client", "web-proxy"), null, ConversionChange.VALUE_CHANGED, updated, 42L);
        TopicProbe.publish(bootstrap, Topics.CONVERSIONS_RAW, Keys.raw(tenant, ids, eventId), raw, eventId);
        ConversionResolved resolved = flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), eventId,
                ConversionResolved.class);
        assertThat(resolved.consent().allows(ConsentPurpose.MEASUREMENT)).isFalse();
        assertThat(resolved.consent().basis()).isEqualTo("tenant_default");
        assertThat(resolved.value()).isEqualTo(new Money(5000, "USD"));
        assertThat(resolved.change()).isEqualTo(ConversionChange.VALUE_CHANGED);
        assertThat(resolved.sourceUpdatedAt()).isEqualTo(updated);
        assertThat(resolved.ingestSequence()).isEqualTo(42L);
    }

    @Test
    void anAnonymousJourneyNotLinkedWithinItsWindowExpires() {
        String tenant = "expire-a";
        String device = unique("d");
        UUID old = flow.touch(tenant, Instant.parse("2026-05-01T10:00:00Z"), List.of(device(device)), US, null);
        UUID recent = flow.touch(tenant, Instant.parse("2026-09-30T10:00:00Z"), List.of(device(device)), US, null);
        Instant now = Instant.parse("2026-10-01T00:00:00Z");
        await().atMost(Flow.WAIT).until(() -> expired(now, tenant) == 1);

        UUID formFill = flow.touch(tenant, TEN, List.of(Flow.asserted(IdentifierKind.EMAIL, unique("e")),
                device(device)), US, null);
        UUID person = touchPerson(formFill);
        assertThat(touchPerson(recent)).isEqualTo(person);
        assertThat(flow.all(Topics.TOUCHPOINTS_RESOLVED.name(), TouchpointResolved.class,
                t -> t.eventId().equals(old), Duration.ofSeconds(1))).isEmpty();
    }

    private int expired(Instant now, String tenant) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> expiry.purge(now)).getOrDefault(tenant, 0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdentifierRef device(String value) {
        return Flow.asserted(IdentifierKind.DEVICE, value);
    }

    private UUID touchPerson(UUID eventId) {
        return flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), eventId, TouchpointResolved.class).personId();
    }

    private static Set<Set<String>> groups(Map<String, UUID> persons) {
        Map<UUID, Set<String>> byPerson = new HashMap<>();
        persons.forEach((name, person) -> byPerson.computeIfAbsent(person, p -> new TreeSet<>()).add(name));
        Set<Set<String>> groups = new HashSet<>();
        byPerson.values().forEach(g -> groups.add(Set.copyOf(g)));
        return groups;
    }
}
