package io.closeloop.identity.compliance;

import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.ErasureConfirmed;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Publishes as ingest and the other services would, and reads what identity stored and published. */
final class ComplianceFixture {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrap;

    ComplianceFixture(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    static IdentifierRef id(IdentifierKind kind, String value, Trust trust) {
        return new IdentifierRef(kind, value, trust);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    UUID touch(String tenant, Instant at, List<IdentifierRef> ids, Map<String, String> hashes) {
        UUID eventId = UUID.randomUUID();
        touch(tenant, eventId, at, ids, hashes);
        return eventId;
    }

    void touch(String tenant, UUID eventId, Instant at, List<IdentifierRef> ids, Map<String, String> hashes) {
        TouchpointRaw touch = new TouchpointRaw(tenant, eventId, "ad_click", at, "UTC", Instant.now(), "paid_search",
                new Utm("google", "cpc", "brand", null, null), Map.of(), null, null, ids, hashes);
        TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RAW, Keys.raw(tenant, ids, eventId), touch, eventId);
    }

    UUID conversion(String tenant, String conversionId, Instant at, List<IdentifierRef> ids,
                    Map<String, String> hashes) {
        UUID eventId = UUID.randomUUID();
        ConversionRaw raw = new ConversionRaw(tenant, eventId, conversionId, "purchase", "completed", at, "UTC",
                Instant.now(), new Money(125000, "EUR"), "crm", ids, hashes);
        TopicProbe.publish(bootstrap, Topics.CONVERSIONS_RAW, Keys.raw(tenant, ids, eventId), raw, eventId);
        return eventId;
    }

    UUID request(String tenant, String type, List<IdentifierRef> ids, Map<String, String> hashes,
                 List<UUID> personIds) {
        UUID requestId = UUID.randomUUID();
        request(tenant, requestId, type, ids, hashes, personIds);
        return requestId;
    }

    /** Publishes the request under a new event id, as a re-send would. */
    void request(String tenant, UUID requestId, String type, List<IdentifierRef> ids, Map<String, String> hashes,
                 List<UUID> personIds) {
        ComplianceRequest request = new ComplianceRequest(tenant, requestId, type, ids, hashes, personIds,
                Instant.parse("2026-11-20T09:00:00Z"), tenant + "-compliance");
        TopicProbe.publish(bootstrap, Topics.COMPLIANCE_REQUESTS, Keys.request(tenant, requestId), request,
                UUID.randomUUID());
    }

    void confirm(String tenant, UUID requestId, String service, long rows) {
        ErasureConfirmed confirmation = new ErasureConfirmed(tenant, requestId, service,
                Instant.parse("2026-11-20T09:00:05Z"), rows);
        TopicProbe.publish(bootstrap, Topics.ERASURE_CONFIRMED, Keys.request(tenant, requestId), confirmation,
                UUID.randomUUID());
    }

    TouchpointResolved resolvedTouch(UUID eventId) throws Exception {
        return Json.read(only(Topics.TOUCHPOINTS_RESOLVED.name(), eventId).value(), TouchpointResolved.class);
    }

    ConversionResolved resolvedConversion(UUID eventId) throws Exception {
        return Json.read(only(Topics.CONVERSIONS_RESOLVED.name(), eventId).value(), ConversionResolved.class);
    }

    /** Every record of the topic whose event id is one of {@code eventIds}, after a short read. */
    List<ConsumerRecord<String, String>> withEventIds(String topic, List<UUID> eventIds) {
        List<String> ids = eventIds.stream().map(UUID::toString).toList();
        return TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> ids.contains(TopicProbe.header(r, Headers.EVENT_ID))).toList();
    }

    /** Every record on {@code topic} whose JSON value names the request, after a short read. */
    List<ConsumerRecord<String, String>> allForRequest(String topic, UUID requestId) {
        String id = requestId.toString();
        return TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> r.value().contains(id)).toList();
    }

    /** The first record on {@code topic} whose JSON value names the request. */
    ConsumerRecord<String, String> forRequest(String topic, UUID requestId) {
        String id = requestId.toString();
        return TopicProbe.readUntil(bootstrap, topic, WAIT,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)))
                .stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
    }

    private ConsumerRecord<String, String> only(String topic, UUID eventId) {
        String id = eventId.toString();
        return TopicProbe.readUntil(bootstrap, topic, WAIT,
                        records -> records.stream().anyMatch(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))))
                .stream().filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
    }

    static void awaitRow(String sql) {
        await().atMost(WAIT).until(() -> !rows(sql).isEmpty());
    }

    /** The first column of every row, as text, read as the database superuser. */
    static List<String> rows(String sql) throws SQLException {
        try (Connection c = InfraTestResource.postgres().superuserConnection("identity");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
