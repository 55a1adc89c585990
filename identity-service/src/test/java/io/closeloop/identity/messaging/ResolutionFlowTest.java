package io.closeloop.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
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

/** Raw events in, resolved events out, through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class ResolutionFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventsWithTheSameMatchKeyJoinOnePersonPerTenant() throws Exception {
        String emailKey = "mk-" + UUID.randomUUID();
        UUID touch1 = UUID.randomUUID();
        UUID touch2 = UUID.randomUUID();
        UUID conversion = UUID.randomUUID();
        UUID otherTenantTouch = UUID.randomUUID();

        publishTouch("acme", touch1, List.of(id(IdentifierKind.EMAIL, emailKey), id(IdentifierKind.DEVICE, "d-1")));
        publishTouch("acme", touch2, List.of(id(IdentifierKind.DEVICE, "d-1")));
        publishTouch("globex", otherTenantTouch, List.of(id(IdentifierKind.EMAIL, emailKey)));
        TouchpointResolved first = resolvedTouch(touch1);
        TouchpointResolved second = resolvedTouch(touch2);
        TouchpointResolved globex = resolvedTouch(otherTenantTouch);
        ConversionRaw raw = new ConversionRaw("acme", conversion, "o-1", "purchase", "completed",
                Instant.parse("2026-10-06T12:00:00Z"), "UTC", Instant.now(), new Money(125000, "EUR"), "crm",
                List.of(id(IdentifierKind.EMAIL, emailKey)), Map.of("google_email", "abc"));
        TopicProbe.publish(bootstrap, Topics.CONVERSIONS_RAW, Keys.raw("acme", raw.identifiers(), conversion), raw,
                conversion);
        ConversionResolved resolved = Json.read(only(Topics.CONVERSIONS_RESOLVED.name(), conversion).value(),
                ConversionResolved.class);

        assertThat(second.personId()).isEqualTo(first.personId());
        assertThat(resolved.personId()).isEqualTo(first.personId());
        assertThat(resolved.matched()).isTrue();
        assertThat(resolved.value()).isEqualTo(new Money(125000, "EUR"));
        assertThat(resolved.exportHashes()).containsEntry("google_email", "abc");
        assertThat(globex.personId()).isNotEqualTo(first.personId());
        assertThat(globex.tenant()).isEqualTo("globex");
        assertThat(first.linkConfidence()).isEqualTo(1.0);
        assertThat(first.consent().allows(ConsentPurpose.MEASUREMENT)).isTrue();
        assertThat(first.channel()).isEqualTo("paid_search");
        assertThat(first.utm().campaign()).isEqualTo("brand");
    }

    @Test
    void aRedeliveredRawEventIsResolvedOnce() throws Exception {
        UUID event = UUID.randomUUID();
        List<IdentifierRef> ids = List.of(id(IdentifierKind.EMAIL, "mk-" + UUID.randomUUID()));
        publishTouch("acme", event, ids);
        publishTouch("acme", event, ids);
        UUID marker = UUID.randomUUID();
        publishTouch("acme", marker, ids);
        resolvedTouch(marker);

        List<ConsumerRecord<String, String>> copies = TopicProbe.readUntil(bootstrap,
                Topics.TOUCHPOINTS_RESOLVED.name(), Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> event.toString().equals(TopicProbe.header(r, Headers.EVENT_ID))).toList();
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).key()).startsWith("acme:");
    }

    private void publishTouch(String tenant, UUID eventId, List<IdentifierRef> identifiers) {
        TouchpointRaw touch = new TouchpointRaw(tenant, eventId, "ad_click", Instant.parse("2026-10-01T10:00:00Z"),
                "UTC", Instant.now(), "paid_search", new Utm("google", "cpc", "brand", null, null), Map.of(),
                null, null, identifiers, Map.of());
        TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RAW, Keys.raw(tenant, identifiers, eventId), touch, eventId);
    }

    private TouchpointResolved resolvedTouch(UUID eventId) throws Exception {
        return Json.read(only(Topics.TOUCHPOINTS_RESOLVED.name(), eventId).value(), TouchpointResolved.class);
    }

    private ConsumerRecord<String, String> only(String topic, UUID eventId) {
        String id = eventId.toString();
        return TopicProbe.readUntil(bootstrap, topic, WAIT,
                        records -> records.stream().anyMatch(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))))
                .stream().filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
    }

    private static IdentifierRef id(IdentifierKind kind, String value) {
        return new IdentifierRef(kind, value, Trust.VERIFIED);
    }
}
