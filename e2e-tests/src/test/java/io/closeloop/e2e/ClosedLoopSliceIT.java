package io.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.infra.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One person's journey crosses every service through real infrastructure and comes back as attributed
 * revenue. Last touch must give the whole conversion to the last channel before it — a first-touch or
 * linear result would give different numbers — while a later touch and an out-of-range conversion give
 * nothing, and each tenant sees only its own revenue.
 */
class ClosedLoopSliceIT {

    private static final String JANE = "Jane.Doe@Example.com";
    /** Sent once on a touch outside every queried range, once on a request ingest refuses. */
    private static final String CAROL_PHONE = "+4915123456789";
    private static final String REFUSED_EMAIL = "refused.row@example.com";
    private static final String REFUSED_PHONE = "+4917698765432";
    private static Platform4Services platform;

    @BeforeAll
    static void sendTheJourneys() throws IOException {
        platform = Platform4Services.get();
        String acme = platform.tokens.clientCredentialsToken("acme-service", "acme-service-secret");
        String globex = platform.tokens.clientCredentialsToken("globex-service", "globex-service-secret");

        // acme: three touches on three channels, the conversion, then a touch after it.
        touch(acme, "2026-10-01T09:00:00+02:00", JANE, "google", "cpc", "brand_search");
        touch(acme, "2026-10-03T08:30:00Z", JANE, "newsletter", "email", "october_news");
        touch(acme, "2026-10-05T18:45:00Z", "jane.doe@example.com ", "facebook", "paid_social", "retargeting_q4");
        conversion(acme, "order-1001", "2026-10-06T12:00:00Z", JANE, 125_000, "EUR");
        touch(acme, "2026-10-08T10:00:00Z", JANE, "google", "cpc", "brand_search");
        // acme: another person converts in September, outside the queried range.
        touch(acme, "2026-09-01T10:00:00Z", "bob@example.com", "google", "cpc", "brand_search");
        conversion(acme, "order-0900", "2026-09-15T10:00:00Z", "bob@example.com", 50_000, "EUR");
        // globex: the same email is another person there.
        touch(globex, "2026-10-02T10:00:00Z", JANE, "bing", "cpc", "globex_search");
        // acme: a phone-only touch long before every queried range, and a request refused for its date.
        given().auth().oauth2(acme).contentType(ContentType.JSON)
                .body(Map.of("type", "page_view", "occurredAt", "2025-01-15T10:00:00Z", "phone", CAROL_PHONE))
                .post(platform.url("ingest") + "/api/v1/touchpoints").then().statusCode(202);
        given().auth().oauth2(acme).contentType(ContentType.JSON)
                .body(Map.of("type", "page_view", "occurredAt", "not a date", "email", REFUSED_EMAIL,
                        "phone", REFUSED_PHONE))
                .post(platform.url("ingest") + "/api/v1/touchpoints").then().statusCode(400);
        conversion(globex, "g-77", "2026-10-04T10:00:00Z", JANE, 9_900, "USD");
    }

    @Test
    void lastTouchGivesTheWholeConversionToTheLastChannelBeforeIt() {
        // first touch would credit paid_search, linear 41667/41667/41666 over three channels.
        assertReport("acme-analyst", "2026-10-01", "2026-10-31", report -> {
            List<Map<String, Object>> rows = report.getList("rows");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("channel", "paid_social")
                    .containsEntry("campaign", "retargeting_q4").containsEntry("currency", "EUR");
            assertThat(report.getLong("rows[0].revenueMinor")).isEqualTo(125_000L);
            assertThat(report.getDouble("rows[0].conversions")).isEqualTo(1.0);
            assertThat(report.getList("totals")).hasSize(1);
            assertThat(report.getLong("totals[0].revenueMinor")).isEqualTo(125_000L);
        });
    }

    @Test
    void otherModelsCreditOtherChannelsFromTheSameJourney() {
        // First touch: the google click of 1 October.
        assertReport("acme-analyst", "2026-10-01", "2026-10-31", "first_touch", report -> {
            assertThat(report.getList("rows")).hasSize(1);
            assertThat(report.getString("rows[0].channel")).isEqualTo("paid_search");
            assertThat(report.getString("rows[0].campaign")).isEqualTo("brand_search");
            assertThat(report.getLong("rows[0].revenueMinor")).isEqualTo(125_000L);
        });
        // Linear: 125000 / 3, the two leftover units to the later touches; the touch after the conversion
        // still gets nothing.
        assertReport("acme-analyst", "2026-10-01", "2026-10-31", "linear", report -> {
            assertThat(report.getList("rows.channel")).containsExactly("email", "paid_social", "paid_search");
            assertThat(report.getList("rows.revenueMinor", Long.class)).containsExactly(41_667L, 41_667L, 41_666L);
            assertThat(report.getLong("totals[0].revenueMinor")).isEqualTo(125_000L);
        });
    }

    @Test
    void theConversionOutsideTheRangeCountsOnlyInItsOwnRange() {
        assertReport("acme-analyst", "2026-09-01", "2026-09-30", september -> {
            assertThat(september.getList("rows")).hasSize(1);
            assertThat(september.getString("rows[0].channel")).isEqualTo("paid_search");
            assertThat(september.getString("rows[0].campaign")).isEqualTo("brand_search");
            assertThat(september.getLong("rows[0].revenueMinor")).isEqualTo(50_000L);
        });
        assertReport("acme-analyst", "2026-09-01", "2026-10-31",
                both -> assertThat(both.getLong("totals[0].revenueMinor")).isEqualTo(175_000L));
    }

    @Test
    void eachTenantSeesOnlyItsOwnRevenue() {
        assertReport("globex-analyst", "2026-10-01", "2026-10-31", globex -> {
            assertThat(globex.getList("rows")).hasSize(1);
            assertThat(globex.getString("rows[0].channel")).isEqualTo("paid_search");
            assertThat(globex.getString("rows[0].campaign")).isEqualTo("globex_search");
            assertThat(globex.getString("rows[0].currency")).isEqualTo("USD");
            assertThat(globex.getLong("rows[0].revenueMinor")).isEqualTo(9_900L);
            assertThat(globex.getList("totals")).hasSize(1);
            assertThat(globex.getLong("totals[0].revenueMinor")).isEqualTo(9_900L);
        });
    }

    @Test
    void identityLinksOneEmailToOnePersonPerTenant() {
        lastTouchGivesTheWholeConversionToTheLastChannelBeforeIt();
        String bootstrap = platform.infra.kafka().bootstrapServers();
        List<ConversionResolved> conversions = TopicProbe.readUntil(bootstrap, Topics.CONVERSIONS_RESOLVED.name(),
                        Duration.ofSeconds(3), records -> false).stream()
                .map(r -> read(r.value(), ConversionResolved.class)).toList();
        List<TouchpointResolved> touches = TopicProbe.readUntil(bootstrap, Topics.TOUCHPOINTS_RESOLVED.name(),
                        Duration.ofSeconds(3), records -> false).stream()
                .map(r -> read(r.value(), TouchpointResolved.class)).toList();
        UUID acmeJane = conversions.stream().filter(c -> c.conversionId().equals("order-1001")).findFirst()
                .orElseThrow().personId();
        UUID globexJane = conversions.stream().filter(c -> c.conversionId().equals("g-77")).findFirst()
                .orElseThrow().personId();
        UUID acmeBob = conversions.stream().filter(c -> c.conversionId().equals("order-0900")).findFirst()
                .orElseThrow().personId();

        assertThat(touches.stream().filter(t -> t.personId().equals(acmeJane)))
                .hasSize(4).allMatch(t -> t.tenant().equals("acme"));
        assertThat(touches.stream().filter(t -> t.personId().equals(globexJane)))
                .hasSize(1).allMatch(t -> t.tenant().equals("globex"));
        assertThat(Set.of(acmeJane, globexJane, acmeBob)).hasSize(3);
    }

    @Test
    void theApiRefusesMissingTokensAndWrongRoles() {
        given().contentType(ContentType.JSON).body("{}").post(platform.url("ingest") + "/api/v1/touchpoints")
                .then().statusCode(401);
        given().get(reportUrl("2026-10-01", "2026-10-31")).then().statusCode(401);
        given().auth().oauth2("not-a-token").get(reportUrl("2026-10-01", "2026-10-31")).then().statusCode(401);

        given().auth().oauth2(platform.token("acme-analyst")).contentType(ContentType.JSON)
                .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}")
                .post(platform.url("ingest") + "/api/v1/touchpoints").then().statusCode(403);
        given().auth().oauth2(platform.token("acme-ingest")).get(reportUrl("2026-10-01", "2026-10-31"))
                .then().statusCode(403);
    }

    @Test
    void aTenantNamedInTheBodyIsRefused() {
        given().auth().oauth2(platform.token("acme-ingest")).contentType(ContentType.JSON)
                .body("{\"tenant\":\"globex\",\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}")
                .post(platform.url("ingest") + "/api/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void emailsNeverLeaveIngestInClear() throws Exception {
        lastTouchGivesTheWholeConversionToTheLastChannelBeforeIt();
        String bootstrap = platform.infra.kafka().bootstrapServers();
        List<String> published = new ArrayList<>();
        for (String topic : List.of(Topics.TOUCHPOINTS_RAW.name(), Topics.CONVERSIONS_RAW.name(),
                Topics.TOUCHPOINTS_RESOLVED.name(), Topics.CONVERSIONS_RESOLVED.name(), Topics.CREDITS.name())) {
            TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(3), records -> false)
                    .forEach(r -> published.add(r.value()));
        }
        assertThat(published).hasSizeGreaterThanOrEqualTo(20);
        assertThat(published).noneMatch(v -> v.toLowerCase().contains("jane.doe@example.com"))
                .noneMatch(v -> v.contains("bob@example.com"));

        List<String> stored = platform.infra.database("ingest").queryStrings("select payload from raw_event");
        assertThat(stored).hasSizeGreaterThanOrEqualTo(9)
                .noneMatch(v -> v.toLowerCase().contains("jane.doe@example.com"))
                .noneMatch(v -> v.contains("bob@example.com"));
    }

    @Test
    void noServiceLogsAnEmailOrPhoneItWasSent() throws IOException {
        lastTouchGivesTheWholeConversionToTheLastChannelBeforeIt();
        Path logs = platform.infra.dir().resolve("logs");
        List<String> clear = List.of("jane.doe@example.com", "bob@example.com", REFUSED_EMAIL, CAROL_PHONE,
                CAROL_PHONE.substring(1), REFUSED_PHONE, REFUSED_PHONE.substring(1));
        List<Path> files;
        try (Stream<Path> walk = Files.list(logs)) {
            files = walk.filter(f -> f.toString().endsWith(".log")).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("ingest-service.log", "identity-service.log", "attribution-service.log");
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertThat(text).as(file.getFileName().toString()).isNotEmpty();
            for (String value : clear) {
                assertThat(text).as(file.getFileName() + " must not contain " + value).doesNotContain(value);
            }
        }
    }

    /**
     * Asserts the report once the pipeline has caught up (events cross three asynchronous hops), and again
     * a moment later so that a late wrong credit would still fail the test.
     */
    private static void assertReport(String user, String from, String to, Consumer<JsonPath> assertion) {
        assertReport(user, from, to, "last_touch", assertion);
    }

    private static void assertReport(String user, String from, String to, String model,
                                     Consumer<JsonPath> assertion) {
        String token = platform.token(user);
        Runnable check = () -> assertion.accept(given().auth().oauth2(token).get(reportUrl(from, to, model))
                .then().statusCode(200).extract().jsonPath());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(check::run);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(check::run);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.read(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable " + type.getSimpleName() + ": " + json, e);
        }
    }

    private static String reportUrl(String from, String to) {
        return reportUrl(from, to, "last_touch");
    }

    private static String reportUrl(String from, String to, String model) {
        return platform.url("reporting") + "/api/v1/reports/attributed-revenue?model=" + model + "&from=" + from
                + "&to=" + to;
    }

    private static void touch(String token, String at, String email, String source, String medium, String campaign) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "ad_click", "occurredAt", at, "email", email,
                        "utm", Map.of("source", source, "medium", medium, "campaign", campaign)))
                .post(platform.url("ingest") + "/api/v1/touchpoints")
                .then().statusCode(202);
    }

    private static void conversion(String token, String id, String at, String email, long amountMinor,
                                   String currency) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("conversionId", id, "type", "purchase", "occurredAt", at, "email", email,
                        "value", Map.of("amountMinor", amountMinor, "currency", currency)))
                .post(platform.url("ingest") + "/api/v1/conversions")
                .then().statusCode(202);
    }
}
