package io.closeloop.attribution.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.attribution.model.LastTouchModel;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Resolved touches and conversions in, credit sets out, through the real broker and database. Each test
 * settles one batch of input (its event ids are processed and the outbox is empty) before the next, so
 * that the versions it expects do not depend on how the two topics interleave.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class AttributionFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TENANT = "acme";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    // The management interface already roots its paths at /q.
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void lastTouchCreditsALateTouchRestatesOnlyWhatItAffectsAndRedeliveryChangesNothing() throws Exception {
        UUID person = UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String early = "early-" + run;
        String later = "later-" + run;

        settle(touch(person, "2026-11-01T09:00:00Z", "paid_search", "google", "cpc", "brand", true),
                touch(person, "2026-11-02T09:00:00Z", "email", "newsletter", "email", "nov_news", true),
                touch(person, "2026-11-04T09:00:00Z", "paid_social", "facebook", "paid_social", "retarget", true),
                // Later than facebook, but without measurement consent: it must not take the credit.
                touch(person, "2026-11-04T23:00:00Z", "display", "dv360", "display", "denied", false));
        settle(conversion(person, early, "completed", "2026-11-05T14:00:00Z", 125_000));
        Published laterConversion = conversion(person, later, "completed", "2026-11-20T10:00:00Z", 80_000);
        settle(laterConversion);

        CreditSet earlyV1 = latest(early, 1);
        assertThat(earlyV1.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(earlyV1.modelId()).isEqualTo("last_touch");
        assertThat(earlyV1.modelConfigVersion()).isEqualTo(1);
        assertThat(earlyV1.personId()).isEqualTo(person);
        assertThat(earlyV1.valueMinor()).isEqualTo(125_000);
        assertThat(earlyV1.currency()).isEqualTo("EUR");
        assertThat(earlyV1.lines()).extracting(CreditLine::channel, CreditLine::source, CreditLine::creditMinor,
                CreditLine::fractionalConversions).containsExactly(
                org.assertj.core.groups.Tuple.tuple("paid_social", "facebook", 125_000L, 1.0));
        assertThat(latest(later, 1).lines()).extracting(CreditLine::channel, CreditLine::creditMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("paid_social", 80_000L));

        // A touch that arrives late: after the early conversion, before the later one.
        Published late = touch(person, "2026-11-10T12:00:00Z", "email", "newsletter", "email", "black_friday", true);
        settle(late);

        CreditSet laterV2 = latest(later, 2);
        assertThat(laterV2.lines()).extracting(CreditLine::touchId, CreditLine::campaign, CreditLine::creditMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(late.eventId(), "black_friday", 80_000L));
        assertThat(versions(early)).containsExactly(1L);

        // The same records again (same event ids), then markers behind them on the same partitions.
        redeliver(late);
        redeliver(laterConversion);
        settle(touch(person, "2027-06-01T00:00:00Z", "email", "newsletter", "email", "marker", true),
                conversion(person, "marker-" + run, "completed", "2026-10-01T00:00:00Z", 1));
        assertThat(versions(early)).containsExactly(1L);
        assertThat(versions(later)).containsExactly(1L, 2L);
        assertThat(count("select count(*) from journey_touch where person_id = '" + person + "'"))
                .as("the touch without measurement consent is not stored").isEqualTo(5);
    }

    @Test
    void everyModelCreditsTheConversionExactlyOnce() throws Exception {
        double timedBefore = metric("closeloop_touch_to_credit_seconds_count");
        double withinAWeekBefore = metric("closeloop_touch_to_credit_seconds_bucket{le=\"604800.0\"}");
        UUID person = UUID.randomUUID();
        String order = "models-" + UUID.randomUUID().toString().substring(0, 8);
        settle(touch(person, "2026-11-01T09:00:00Z", "paid_search", "google", "cpc", "brand", true),
                touch(person, "2026-11-03T09:00:00Z", "email", "newsletter", "email", "nov_news", true),
                touch(person, "2026-11-05T09:00:00Z", "paid_social", "facebook", "paid_social", "retarget", true));
        settle(conversion(person, order, "completed", "2026-11-06T09:00:00Z", 125_000));

        List<CreditSet> sets = allCreditSets(order, read -> read.size() >= 9);
        // One set per model, each version 1.
        assertThat(sets).extracting(CreditSet::setVersion).containsOnly(1L);
        Map<String, CreditSet> byModel = sets.stream().collect(Collectors.toMap(CreditSet::modelId, set -> set));

        assertThat(byModel.keySet()).containsExactlyInAnyOrder("first_touch", "last_touch", "last_non_direct",
                "linear", "time_decay", "position_based", "w_shaped", "markov", "shapley");
        assertThat(byModel.values()).allSatisfy(set -> assertThat(set.lines().stream()
                .mapToLong(CreditLine::creditMinor).sum()).isEqualTo(125_000L));
        assertThat(credits(byModel.get("first_touch"))).containsExactly(125_000L, 0L, 0L);
        assertThat(credits(byModel.get("last_touch"))).containsExactly(0L, 0L, 125_000L);
        // 125000 / 3 = 41666.67: the two leftover units go to the later touches on equal remainders.
        assertThat(credits(byModel.get("linear"))).containsExactly(41_666L, 41_667L, 41_667L);
        // 40 / 20 / 40 of 125000.
        assertThat(credits(byModel.get("position_based"))).containsExactly(50_000L, 25_000L, 50_000L);
        // Without a fit the data-driven models credit with the fallback, last non-direct, and say so.
        assertThat(credits(byModel.get("markov"))).containsExactly(0L, 0L, 125_000L);
        assertThat(byModel.get("shapley").fallbackModelId()).isEqualTo("last_non_direct");
        assertThat(byModel.get("shapley").fitVersion()).isNull();
        assertThat(byModel.get("first_touch").fallbackModelId()).isNull();
        // Each first version is timed once, from touches that are weeks old.
        assertThat(metric("closeloop_touch_to_credit_seconds_count") - timedBefore).isEqualTo(9.0);
        assertThat(metric("closeloop_touch_to_credit_seconds_bucket{le=\"604800.0\"}")).isEqualTo(withinAWeekBefore);
    }

    /** A series of /q/metrics on the management port; 0 before its first sample. */
    private double metric(String series) {
        String body = given().get(metrics.toString()).then().statusCode(200).extract().asString();
        for (String line : body.lines().toList()) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]);
            }
        }
        return 0.0;
    }

    /** Credit per channel in journey order (paid_search, email, paid_social); 0 for a channel without a line. */
    private static List<Long> credits(CreditSet set) {
        return List.of("paid_search", "email", "paid_social").stream()
                .map(channel -> set.lines().stream().filter(l -> channel.equals(l.channel()))
                        .mapToLong(CreditLine::creditMinor).sum())
                .toList();
    }

    @Test
    void theLatestVersionOfAConversionWinsAndACancellationWithdrawsItsCredit() throws Exception {
        UUID person = UUID.randomUUID();
        String order = "order-" + UUID.randomUUID().toString().substring(0, 8);
        settle(touch(person, "2026-11-01T09:00:00Z", "paid_search", "google", "cpc", "brand", true));
        settle(conversion(person, order, "completed", "2026-11-06T10:00:00Z", 50_000));
        assertThat(latest(order, 1).lines()).extracting(CreditLine::creditMinor).containsExactly(50_000L);

        settle(conversion(person, order, "completed", "2026-11-06T11:00:00Z", 60_000));
        assertThat(latest(order, 2).lines()).extracting(CreditLine::creditMinor).containsExactly(60_000L);

        settle(conversion(person, order, "cancelled", "2026-11-07T10:00:00Z", 60_000));
        CreditSet withdrawn = latest(order, 3);
        assertThat(withdrawn.status()).isEqualTo(CreditSet.Status.WITHDRAWN);
        assertThat(withdrawn.lines()).isEmpty();

        // An older version arriving late changes nothing.
        settle(conversion(person, order, "completed", "2026-11-06T12:00:00Z", 99_999));
        assertThat(versions(order)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aConversionWithoutTouchesIsUnattributed() throws Exception {
        String order = "alone-" + UUID.randomUUID().toString().substring(0, 8);
        settle(conversion(UUID.randomUUID(), order, "completed", "2026-11-06T10:00:00Z", 4_200));

        CreditSet set = latest(order, 1);
        assertThat(set.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(set.lines()).containsExactly(new CreditLine(null, null, "unattributed", null, null, null, 4_200,
                1.0));
    }

    @Test
    void aPoisonRecordLandsOnTheDeadLetterTopic() throws Exception {
        UUID poison = UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("touchpoints.resolved", "acme:x", "{oops");
            record.headers().add(Headers.EVENT_ID, poison.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.EVENT_TYPE, "touchpoint.resolved".getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.TENANT, TENANT.getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil(bootstrap, "touchpoints.resolved.dlq", WAIT,
                records -> records.stream().anyMatch(r -> poison.toString().equals(TopicProbe.header(r,
                        Headers.EVENT_ID))));

        ConsumerRecord<String, String> letter = dead.stream()
                .filter(r -> poison.toString().equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
        assertThat(letter.value()).isEqualTo("{oops");
        assertThat(TopicProbe.header(letter, "dead-letter-reason")).contains("not a valid TouchpointResolved");
    }

    /** A record as published, so that a test can send exactly the same one again. */
    private record Published(TouchpointResolved touch, ConversionResolved conversion, UUID eventId) {
    }

    private Published touch(UUID person, String at, String channel, String source, String medium, String campaign,
                            boolean measurement) {
        UUID eventId = UUID.randomUUID();
        ConsentSnapshot consent = new ConsentSnapshot(Map.of(ConsentPurpose.MEASUREMENT,
                measurement ? ConsentSnapshot.GRANTED : ConsentSnapshot.DENIED), "signal", Instant.parse(at));
        TouchpointResolved touch = new TouchpointResolved(TENANT, eventId, person, 1.0, consent, "ad_click",
                Instant.parse(at), "UTC", channel, new Utm(source, medium, campaign, null, null), Map.of(), null, null);
        return new Published(touch, null, eventId);
    }

    private Published conversion(UUID person, String conversionId, String status, String at, long valueMinor) {
        UUID eventId = UUID.randomUUID();
        ConversionResolved conversion = new ConversionResolved(TENANT, eventId, person, 1.0, null, true,
                conversionId, "purchase", status, Instant.parse(at), "+01:00", new Money(valueMinor, "EUR"), Map.of());
        return new Published(null, conversion, eventId);
    }

    /** Publishes the records and waits until each is processed and every resulting credit set is on Kafka. */
    private void settle(Published... records) throws Exception {
        for (Published record : records) {
            redeliver(record);
        }
        String ids = Arrays.stream(records).map(r -> "'" + r.eventId() + "'").collect(Collectors.joining(","));
        await().atMost(WAIT).until(() -> count("select count(*) from processed_message where consumer = 'attribution'"
                + " and event_id in (" + ids + ")") == records.length);
        await().atMost(WAIT).until(() -> count("select count(*) from outbox_event") == 0);
    }

    private void redeliver(Published record) {
        if (record.touch() != null) {
            TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RESOLVED, Keys.person(TENANT, record.touch().personId()),
                    record.touch(), record.eventId());
        } else {
            TopicProbe.publish(bootstrap, Topics.CONVERSIONS_RESOLVED,
                    Keys.person(TENANT, record.conversion().personId()), record.conversion(), record.eventId());
        }
    }

    /** The set of {@code conversionId} with {@code version}, once it is on the topic; fails if a later one is. */
    private CreditSet latest(String conversionId, long version) {
        List<CreditSet> sets = creditSets(conversionId, version);
        assertThat(sets).extracting(CreditSet::setVersion).as("versions of %s", conversionId).endsWith(version)
                .doesNotHaveDuplicates();
        CreditSet set = sets.get(sets.size() - 1);
        assertThat(set.lines().stream().mapToLong(CreditLine::creditMinor).sum())
                .as("credits add up to the value").isEqualTo(set.lines().isEmpty() ? 0 : set.valueMinor());
        return set;
    }

    private List<Long> versions(String conversionId) {
        return creditSets(conversionId, 1).stream().map(CreditSet::setVersion).toList();
    }

    /** The last-touch credit sets of one conversion, once one with at least {@code minVersion} is there. */
    private List<CreditSet> creditSets(String conversionId, long minVersion) {
        return allCreditSets(conversionId, read -> read.stream()
                        .anyMatch(s -> s.modelId().equals(LastTouchModel.ID) && s.setVersion() >= minVersion))
                .stream().filter(s -> s.modelId().equals(LastTouchModel.ID)).toList();
    }

    /** Every credit set of one conversion on the topic, under any model, once {@code done} holds. */
    private List<CreditSet> allCreditSets(String conversionId, Predicate<List<CreditSet>> done) {
        String key = Keys.conversion(TENANT, conversionId);
        return TopicProbe.readUntil(bootstrap, Topics.CREDITS.name(), WAIT,
                        read -> done.test(read.stream().filter(r -> key.equals(r.key()))
                                .map(AttributionFlowTest::creditSet).toList()))
                .stream().filter(r -> key.equals(r.key())).map(AttributionFlowTest::creditSet).toList();
    }

    private static CreditSet creditSet(ConsumerRecord<String, String> record) {
        try {
            return Json.read(record.value(), CreditSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String sql) throws SQLException {
        return InfraTestResource.database("attribution").queryLong(sql);
    }
}
