package io.closeloop.attribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.attribution.model.LastTouchModel;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchVersions;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A reclassified touch (same touch id, new message id) replaces the stored touch instead of adding one, and the
 * conversions it precedes are restated with its new channel, source and medium.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class ReclassifiedTouchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TENANT = "acme";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aNewVersionOfATouchReplacesItAndRestatesTheCredits() throws Exception {
        UUID person = UUID.randomUUID();
        UUID touchId = UUID.randomUUID();
        String order = "reclassified-" + UUID.randomUUID().toString().substring(0, 8);
        send(touch(person, touchId, "direct", new Utm("(direct)", "(none)", null, null, null), Map.of()), touchId);
        UUID conversionId = UUID.randomUUID();
        send(new ConversionResolved(TENANT, conversionId, person, 1.0, null, true, order, "purchase", "completed",
                Instant.parse("2026-11-05T14:00:00Z"), "UTC", new Money(125_000, "EUR"), Map.of()), conversionId);
        CreditSet before = lastTouch(order, 1);
        assertThat(before.lines()).extracting(CreditLine::touchId, CreditLine::channel)
                .containsExactly(Tuple.tuple(touchId, "direct"));

        UUID version = TouchVersions.messageId(touchId, "r1");
        send(touch(person, touchId, "organic_search", new Utm("google", "organic", null, null, null),
                Map.of(TouchVersions.REVISION_ATTRIBUTE, "r1")), version);

        CreditSet after = lastTouch(order, 2);
        assertThat(after.lines()).extracting(CreditLine::touchId, CreditLine::channel, CreditLine::source,
                CreditLine::medium, CreditLine::creditMinor)
                .containsExactly(Tuple.tuple(touchId, "organic_search", "google", "organic", 125_000L));
        assertThat(count("select count(*) from journey_touch where person_id = '" + person + "'")).isEqualTo(1);
        assertThat(count("select count(*) from journey_touch where person_id = '" + person + "'"
                + " and channel = 'organic_search' and utm_source = 'google'")).isEqualTo(1);
    }

    private static TouchpointResolved touch(UUID person, UUID touchId, String channel, Utm utm,
                                            Map<String, String> attributes) {
        ConsentSnapshot consent = new ConsentSnapshot(Map.of(ConsentPurpose.MEASUREMENT, ConsentSnapshot.GRANTED),
                "signal", Instant.parse("2026-11-01T09:00:00Z"));
        return new TouchpointResolved(TENANT, touchId, person, 1.0, consent, "page_view",
                Instant.parse("2026-11-01T09:00:00Z"), "UTC", channel, utm, Map.of(), null, null, attributes);
    }

    private void send(TouchpointResolved touch, UUID messageId) throws Exception {
        TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RESOLVED, Keys.person(TENANT, touch.personId()), touch,
                messageId);
        processed(messageId);
    }

    private void send(ConversionResolved conversion, UUID messageId) throws Exception {
        TopicProbe.publish(bootstrap, Topics.CONVERSIONS_RESOLVED, Keys.person(TENANT, conversion.personId()),
                conversion, messageId);
        processed(messageId);
    }

    private static void processed(UUID messageId) {
        await().atMost(WAIT).until(() -> count("select count(*) from processed_message where consumer = 'attribution'"
                + " and event_id = '" + messageId + "'") == 1);
    }

    /** The last-touch set of the conversion with {@code version}, once it is on the topic. */
    private CreditSet lastTouch(String conversionId, long version) {
        String key = Keys.conversion(TENANT, conversionId);
        List<CreditSet> sets = TopicProbe.readUntil(bootstrap, Topics.CREDITS.name(), WAIT,
                        read -> read.stream().filter(r -> key.equals(r.key())).map(r -> creditSet(r.value()))
                                .anyMatch(s -> s.modelId().equals(LastTouchModel.ID) && s.setVersion() == version))
                .stream().filter(r -> key.equals(r.key())).map(r -> creditSet(r.value()))
                .filter(s -> s.modelId().equals(LastTouchModel.ID) && s.setVersion() == version).toList();
        assertThat(sets).hasSize(1);
        return sets.get(0);
    }

    private static CreditSet creditSet(String json) {
        try {
            return Json.read(json, CreditSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String sql) throws SQLException {
        return InfraTestResource.database("attribution").queryLong(sql);
    }
}
