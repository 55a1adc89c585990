package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Money;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ConversionType;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.CallCenterOrderRequest;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Orders taken by call-center agents: the caller's number links the order to the call that led to it. */
@Singleton
public class CallCenterOrderKind extends TypedKind<CallCenterOrderRequest> {

    public CallCenterOrderKind(RequestReaders readers, IngestConfig config) {
        super("call-center-orders", CallCenterOrderRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(CallCenterOrderRequest request, UUID eventId, TenantContext context) {
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
        violations.maxLength("agentId", request.agentId(), 200);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .phone("callerNumber", request.callerNumber())
                .email(request.email())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId());
        violations.throwIfAny();
        return new OfflineConversion(orderId, status)
                .attribute("agent_id", request.agentId())
                .sourceSystem("call_center")
                .lifecycle(lifecycle)
                .prepare(context, eventId, type, time, value, ids);
    }
}
