package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Money;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ConversionType;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.CrmStageRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * CRM lead and deal stages (new, qualified, mql, sql, won, lost): the deal id is the conversion id, so each stage
 * restates the same conversion. The first contact is the deal's primary identifier; every contact is an account
 * identifier, for account-based attribution. A won deal must carry its value.
 */
@Singleton
public class CrmStageKind extends TypedKind<CrmStageRequest> {

    static final List<String> STAGES = List.of("new", "qualified", "mql", "sql", "won", "lost");
    private static final int MAX_CONTACTS = 50;

    public CrmStageKind(RequestReaders readers, IngestConfig config) {
        super("crm-stages", CrmStageRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(CrmStageRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        String dealId = violations.required("dealId", request.dealId());
        violations.maxLength("dealId", dealId, 200);
        String stage = violations.required("stage", request.stage());
        if (stage != null) {
            stage = stage.toLowerCase(Locale.ROOT);
            if (!STAGES.contains(stage)) {
                violations.add("stage", "must be one of " + STAGES);
            }
        }
        ConversionType type = OfflineConversion.type(violations, request.conversionType(), context);
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        Money value = EventFields.money(violations, "value", request.value());
        if ("won".equals(stage) && request.value() == null) {
            violations.add("value", "is required when the stage is won");
        }
        OfflineConversion.requireValueIf(violations, type, value, request.value() != null);
        ConversionLifecycle lifecycle = ConversionLifecycle.read(violations, request.change(),
                request.sourceUpdatedAt(), value, request.value() != null, request.timeZone(), context);
        List<String> contacts = request.contactIds() == null ? List.of() : request.contactIds();
        if (contacts.size() > MAX_CONTACTS) {
            violations.add("contactIds", "at most " + MAX_CONTACTS + " contacts");
        }
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone());
        IdentifierSet accounts = new IdentifierSet(context.hasher(), violations);
        for (int i = 0; i < contacts.size(); i++) {
            accounts.id(IdentifierKind.CRM_CONTACT, "contactIds[" + i + "]", contacts.get(i));
        }
        if (!contacts.isEmpty()) {
            ids.id(IdentifierKind.CRM_CONTACT, "contactIds[0]", contacts.get(0));
        }
        if (dealId != null) {
            ids.id(IdentifierKind.CRM_DEAL, "dealId", dealId);
        }
        violations.maxLength("pipeline", request.pipeline(), 200);
        violations.throwIfAny();
        return new OfflineConversion(dealId, stage)
                .attribute("pipeline", request.pipeline())
                .accountIdentifiers(accounts.identifiers())
                .sourceSystem(request.sourceSystem() == null ? "crm" : request.sourceSystem())
                .lifecycle(lifecycle)
                .prepare(context, eventId, type, time, value, ids);
    }
}
