package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Trust;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.ingest.domain.ExportHashes;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.domain.MatchFeatures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every touch kind: accepted, then published once on touchpoints.raw with the exact record and key. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "initech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
class TouchKindsTest {

    private static final String CALLER = "+14155552671";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Initech initech;
    IdentifierHasher hasher;

    @BeforeEach
    void tenant() {
        hasher = initech.setUp();
    }

    @Test
    void aFormBecomesIdentifiersAndHashedMatchFeatures() throws Exception {
        UUID id = accept("forms", """
                {"eventId":"%s","formName":"demo-request","occurredAt":"2026-10-02T09:15:00",
                 "page":"https://initech.example/demo?utm_source=Google&utm_medium=cpc&utm_campaign=Brand&gclid=G-1",
                 "email":" Jane@Example.com","firstName":"Jane","lastName":"Doe","company":"Example GmbH",
                 "postcode":"10115","anonymousId":"dev-1"}""");
        Published<TouchpointRaw> published = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id);
        String email = hasher.matchKey("email", "jane@example.com");
        assertThat(published.key()).isEqualTo("initech:email:" + email);
        assertTouch(published.value(), new TouchpointRaw("initech", id, "form",
                Instant.parse("2026-10-02T13:15:00Z"), "America/New_York", null, "paid_search",
                new Utm("google", "cpc", "brand", null, null), Map.of("gclid", "G-1"),
                "https://initech.example/demo?utm_source=Google&utm_medium=cpc&utm_campaign=Brand&gclid=G-1", null,
                List.of(ref(IdentifierKind.EMAIL, email), ref(IdentifierKind.DEVICE, "dev-1"),
                        ref(IdentifierKind.CLICK_ID, "gclid:G-1")),
                ExportHashes.ofEmail("jane@example.com"), Map.of("form_name", "demo-request",
                        "source_origin", "utm", "channel_origin", "default"),
                MatchFeatures.of(hasher, "Jane", "Doe", "Example GmbH", "10115", "jane@example.com")));
        assertThat(published.value().matchFeatures()).containsEntry("company_domain", "example.com")
                .doesNotContainValue("Jane");
    }

    @Test
    void aCallToAPoolNumberTakesItsCampaignAndTheCallerIsHashedAsAPhone() throws Exception {
        UUID id = accept("calls", """
                {"eventId":"%s","occurredAt":"2026-10-02T10:00:00-07:00","trackingNumber":"(415) 555-0100",
                 "callerNumber":"415-555-2671","durationSeconds":312,"answered":true,"callId":"c-1"}""");
        Published<TouchpointRaw> published = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id);
        String caller = hasher.matchKey("phone", CALLER);
        assertThat(published.key()).isEqualTo("initech:phone:" + caller);
        assertTouch(published.value(), touch(id, "call", "2026-10-02T17:00:00Z", "-07:00", "paid_search",
                new Utm("google", "cpc", "spring sale", null, null), List.of(ref(IdentifierKind.PHONE, caller)),
                ExportHashes.ofPhone(CALLER), Map.of("tracking_number", "+14155550100",
                        "tracking_number_status", "known", "tracking_pool", "spring", "duration_seconds", "312",
                        "answered", "true", "call_id", "c-1", "channel_origin", "mapping")));
        assertThat(InfraTestResource.database("ingest").queryStrings("select payload from raw_event where event_id = '"
                + id + "'")).singleElement().asString().doesNotContain("555-2671").doesNotContain("5552671");
    }

    @Test
    void aCallToAnUnknownNumberIsAPhoneTouchFromAnUnknownSource() throws Exception {
        UUID id = accept("calls", """
                {"eventId":"%s","occurredAt":"2026-10-02T10:00:00Z","trackingNumber":"+14155550199",
                 "answered":false}""");
        TouchpointRaw touch = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id).value();
        assertTouch(touch, touch(id, "call", "2026-10-02T10:00:00Z", "UTC", "phone",
                new Utm("unknown", null, null, null, null), List.of(), Map.of(),
                Map.of("tracking_number", "+14155550199", "tracking_number_status", "unknown", "answered", "false",
                        "channel_origin", "kind")));
    }

    @Test
    void emailAndSmsClicksHashTheirRecipients() throws Exception {
        UUID email = accept("email-clicks", """
                {"eventId":"%s","occurredAt":"2026-10-03T08:30:00Z","campaign":" November  Newsletter ",
                 "messageId":"m-1","recipient":"pat@example.com","link":"https://initech.example/sale",
                 "source":"Newsletter"}""");
        String patKey = hasher.matchKey("email", "pat@example.com");
        Published<TouchpointRaw> emailTouch = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, email);
        assertThat(emailTouch.key()).isEqualTo("initech:email:" + patKey);
        TouchpointRaw expected = touch(email, "email_click", "2026-10-03T08:30:00Z", "UTC", "email",
                new Utm("newsletter", "email", "november newsletter", null, null),
                List.of(ref(IdentifierKind.EMAIL, patKey)), ExportHashes.ofEmail("pat@example.com"),
                Map.of("message_id", "m-1", "channel_origin", "default"));
        assertTouch(emailTouch.value(), withLandingPage(expected, "https://initech.example/sale"));

        UUID sms = accept("sms-clicks", """
                {"eventId":"%s","occurredAt":"2026-10-03T08:31:00Z","campaign":"Flash Sale","messageId":"s-1",
                 "recipient":"(415) 555-2671"}""");
        String phoneKey = hasher.matchKey("phone", CALLER);
        Published<TouchpointRaw> smsTouch = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, sms);
        assertThat(smsTouch.key()).isEqualTo("initech:phone:" + phoneKey);
        assertTouch(smsTouch.value(), touch(sms, "sms_click", "2026-10-03T08:31:00Z", "UTC", "sms",
                new Utm(null, "sms", "flash sale", null, null), List.of(ref(IdentifierKind.PHONE, phoneKey)),
                ExportHashes.ofPhone(CALLER), Map.of("message_id", "s-1", "channel_origin", "default")));
    }

    @Test
    void aKnownCodeTakesItsCampaignAnUnknownOneIsKeptWithTheKindsChannel() throws Exception {
        UUID scan = accept("qr-scans", """
                {"eventId":"%s","occurredAt":"2026-10-04T12:00:00Z","code":" Spring25","anonymousId":"dev-2",
                 "location":"poster-7"}""");
        assertTouch(Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, scan).value(), touch(scan, "qr_scan",
                "2026-10-04T12:00:00Z", "UTC", "qr_print", new Utm("flyer", "print", "spring sale", null, null),
                List.of(ref(IdentifierKind.DEVICE, "dev-2")), Map.of(),
                Map.of("code", "spring25", "code_status", "valid", "location", "poster-7",
                        "channel_origin", "kind")));

        UUID unknown = accept("promo-redemptions", """
                {"eventId":"%s","occurredAt":"2026-10-04T12:00:00Z","code":"WINTER99","orderId":"o-9"}""");
        assertTouch(Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, unknown).value(), touch(unknown, "promo",
                "2026-10-04T12:00:00Z", "UTC", "offline", new Utm("unknown", null, null, null, null), List.of(),
                Map.of(), Map.of("code", "winter99", "code_status", "unknown", "order_id", "o-9",
                        "channel_origin", "kind")));

        // Outside its days a mapped code counts as unknown for the campaign, and says why.
        UUID early = accept("promo-redemptions", """
                {"eventId":"%s","occurredAt":"2026-02-01T12:00:00Z","code":"spring25"}""");
        assertThat(Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, early).value().attributes())
                .containsEntry("code_status", "not_valid_on_day");
    }

    @Test
    void aBadgeScanIsAnEventsTouchWithABadgeIdentifier() throws Exception {
        UUID id = accept("badge-scans", """
                {"eventId":"%s","occurredAt":"2026-10-05T14:20:00+01:00","event":"Web Summit 2026","booth":"B-12",
                 "attendeeId":"ws-1","company":"Example GmbH"}""");
        Published<TouchpointRaw> published = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id);
        assertThat(published.key()).isEqualTo("initech:badge:web summit 2026:ws-1");
        TouchpointRaw t = touch(id, "badge_scan", "2026-10-05T13:20:00Z", "+01:00", "events",
                new Utm("web summit 2026", "event", "web summit 2026", null, null),
                List.of(ref(IdentifierKind.BADGE, "web summit 2026:ws-1")), Map.of(),
                Map.of("event", "web summit 2026", "booth", "B-12", "channel_origin", "kind"));
        assertTouch(published.value(), new TouchpointRaw(t.tenant(), id, t.touchType(), t.occurredAt(),
                t.sourceZone(), null, t.channel(), t.utm(), Map.of(), null, null, t.identifiers(), Map.of(),
                t.attributes(), Map.of("company", hasher.matchKey("company", "example gmbh"))));
    }

    @Test
    void theTenantsChannelRulesComeBeforeTheDefaults() throws Exception {
        UUID id = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-10-05T10:00:00Z",
                 "utm":{"source":"Partner-Acme","medium":"referral"}}""");
        assertThat(Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id).value().channel()).isEqualTo("partners");
    }

    private static UUID accept(String kind, String body) {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(body.formatted(id)).post("/api/v1/" + kind)
                .then().statusCode(202).body("status", equalTo("accepted")).body("eventId", equalTo(id.toString()));
        return id;
    }

    private static TouchpointRaw touch(UUID id, String type, String at, String zone, String channel, Utm utm,
                                       List<IdentifierRef> ids, Map<String, String> hashes,
                                       Map<String, String> attributes) {
        return new TouchpointRaw("initech", id, type, Instant.parse(at), zone, null, channel, utm, Map.of(), null,
                null, ids, hashes, attributes, Map.of());
    }

    private static TouchpointRaw withLandingPage(TouchpointRaw t, String page) {
        return new TouchpointRaw(t.tenant(), t.eventId(), t.touchType(), t.occurredAt(), t.sourceZone(),
                t.receivedAt(), t.channel(), t.utm(), t.clickIds(), page, t.referrer(), t.identifiers(),
                t.exportHashes(), t.attributes(), t.matchFeatures());
    }

    private static IdentifierRef ref(IdentifierKind kind, String value) {
        return new IdentifierRef(kind, value, Trust.VERIFIED);
    }

    /** The whole record but the receive time, which is the server's clock. */
    static void assertTouch(TouchpointRaw actual, TouchpointRaw expected) {
        assertThat(actual.receivedAt()).isNotNull();
        assertThat(actual).usingRecursiveComparison().ignoringFields("receivedAt").isEqualTo(expected);
    }
}
