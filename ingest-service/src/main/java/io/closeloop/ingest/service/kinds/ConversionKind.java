package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.ConversionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Online and offline conversions on {@code conversions.raw}; the same conversion id may come again. */
@ApplicationScoped
public class ConversionKind implements EventKind<ConversionRequest> {

    static final Set<String> CONVERSION_STATUSES = Set.of("completed", "new", "qualified", "mql", "sql", "won",
            "lost", "cancelled");

    private final IngestConfig config;
    private final RequestReaders readers;

    public ConversionKind(IngestConfig config, RequestReaders readers) {
        this.config = config;
        this.readers = readers;
    }

    @Override
    public String name() {
        return "conversions";
    }

    @Override
    public Class<ConversionRequest> requestType() {
        return ConversionRequest.class;
    }

    @Override
    public UUID requestedEventId(ConversionRequest request) {
        return request.eventId();
    }

    @Override
    public ConversionRequest fromCsv(Map<String, String> row) {
        return readers.fromCsv(row, ConversionRequest.class);
    }

    @Override
    public Prepared prepare(ConversionRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        String conversionId = violations.required("conversionId", request.conversionId());
        violations.maxLength("conversionId", conversionId, 200);
        String type = violations.required("type", request.type());
        violations.maxLength("type", type, 64);
        String status = request.status() == null ? "completed" : request.status().trim().toLowerCase(Locale.ROOT);
        if (!CONVERSION_STATUSES.contains(status)) {
            violations.add("status", "must be one of " + CONVERSION_STATUSES);
        }
        EventTime time = EventFields.time(violations, request.occurredAt(), request.timeZone(), context,
                config.futureTolerance());
        Money value = EventFields.money(violations, "value", request.value());
        ConversionLifecycle lifecycle = ConversionLifecycle.read(violations, request.change(),
                request.sourceUpdatedAt(), value, request.value() != null, request.timeZone(), context);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId());
        violations.throwIfAny();
        String tenant = context.tenant();
        ConversionRaw conversion = new ConversionRaw(tenant, eventId, conversionId, type.toLowerCase(Locale.ROOT),
                status, time.instant(), time.sourceZone(), context.clock().instant(), value, request.sourceSystem(),
                ids.identifiers(), ids.exportHashes(), OfflineConversion.baseValue(context, value, time), null, null,
                null, lifecycle.change(), lifecycle.sourceUpdatedAt(), null);
        return new Prepared(eventId, "conversion", conversion.occurredAt(), Topics.CONVERSIONS_RAW,
                Keys.raw(tenant, conversion.identifiers(), eventId), conversion).withWarnings(ids.warnings());
    }
}
