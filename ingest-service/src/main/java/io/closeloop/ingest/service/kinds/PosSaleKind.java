package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Money;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ConversionType;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.PosSaleRequest;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Point-of-sale sales: the order id is the conversion id; a sale always has a value. */
@Singleton
public class PosSaleKind extends TypedKind<PosSaleRequest> {

    public PosSaleKind(RequestReaders readers, IngestConfig config) {
        super("pos-sales", PosSaleRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(PosSaleRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        String orderId = violations.required("orderId", request.orderId());
        violations.maxLength("orderId", orderId, 200);
        ConversionType type = OfflineConversion.type(violations, request.conversionType(), context);
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        if (request.value() == null) {
            violations.add("value", "is required");
        }
        Money value = EventFields.money(violations, "value", request.value());
        String status = SaleStatus.of(violations, request.status());
        ConversionLifecycle lifecycle = ConversionLifecycle.read(violations, request.change(),
                request.sourceUpdatedAt(), value, request.value() != null, request.timeZone(), context);
        violations.maxLength("storeId", request.storeId(), 200);
        violations.maxLength("registerId", request.registerId(), 200);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId());
        violations.throwIfAny();
        return new OfflineConversion(orderId, status)
                .attribute("store_id", request.storeId())
                .attribute("register_id", request.registerId())
                .sourceSystem("pos")
                .lifecycle(lifecycle)
                .prepare(context, eventId, type, time, value, ids);
    }
}
