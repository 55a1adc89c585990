package io.closeloop.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Headers;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchVersions;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Trust;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A reclassified touch (same touch id, new message id) is resolved again and republished as a new version of the
 * same touch, to the same person, under the version's message id; the same version again is a duplicate.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class ReclassifiedTouchTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aNewVersionOfATouchIsResolvedAgainUnderItsOwnMessageId() throws Exception {
        UUID touchId = UUID.randomUUID();
        List<IdentifierRef> ids = List.of(new IdentifierRef(IdentifierKind.EMAIL, "mk-" + UUID.randomUUID(),
                Trust.VERIFIED));
        publish(touch(touchId, ids, "direct", new Utm(null, null, null, null, null), Map.of()), touchId);
        TouchpointResolved first = Json.read(withMessageId(touchId).value(), TouchpointResolved.class);

        Map<String, String> reclassified = Map.of("source_origin", "referrer", "channel_origin", "default",
                TouchVersions.REVISION_ATTRIBUTE, "r1");
        UUID version = TouchVersions.messageId(touchId, "r1");
        TouchpointRaw second = touch(touchId, ids, "organic_search", new Utm("google", "organic", null, null, null),
                reclassified);
        publish(second, version);
        publish(second, version);
        ConsumerRecord<String, String> record = withMessageId(version);
        TouchpointResolved resolved = Json.read(record.value(), TouchpointResolved.class);

        assertThat(version).isNotEqualTo(touchId);
        assertThat(resolved.eventId()).isEqualTo(touchId);
        assertThat(resolved.personId()).isEqualTo(first.personId());
        assertThat(resolved.channel()).isEqualTo("organic_search");
        assertThat(resolved.utm().source()).isEqualTo("google");
        assertThat(record.key()).isEqualTo(Keys.person("acme", first.personId()));
        // A marker behind the duplicate on the same key: once it is out, the duplicate would have been too.
        UUID marker = UUID.randomUUID();
        publish(touch(marker, ids, "direct", new Utm(null, null, null, null, null), Map.of()), marker);
        withMessageId(marker);
        List<ConsumerRecord<String, String>> versions = TopicProbe.readUntil(bootstrap,
                        Topics.TOUCHPOINTS_RESOLVED.name(), Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> r.value().contains(touchId.toString())).toList();
        assertThat(versions).extracting(r -> TopicProbe.header(r, Headers.EVENT_ID))
                .containsExactly(touchId.toString(), version.toString());
        assertThat(InfraTestResource.database("identity").queryStrings("select channel from person_event"
                + " where event_id = '" + touchId + "'")).containsExactly("organic_search");
    }

    private static TouchpointRaw touch(UUID touchId, List<IdentifierRef> ids, String channel, Utm utm,
                                       Map<String, String> attributes) {
        return new TouchpointRaw("acme", touchId, "page_view", Instant.parse("2026-10-01T10:00:00Z"), "UTC",
                Instant.now(), channel, utm, Map.of(), "https://acme.example/", "https://www.google.com/", ids,
                Map.of(), attributes, Map.of());
    }

    private void publish(TouchpointRaw touch, UUID messageId) {
        TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RAW, Keys.raw("acme", touch.identifiers(), touch.eventId()),
                touch, messageId);
    }

    private ConsumerRecord<String, String> withMessageId(UUID messageId) {
        String id = messageId.toString();
        return TopicProbe.readUntil(bootstrap, Topics.TOUCHPOINTS_RESOLVED.name(), WAIT,
                        records -> records.stream().anyMatch(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))))
                .stream().filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
    }
}
