package io.closeloop.ingest.service.compliance;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.ingest.repository.ComplianceRequestRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.compliance.ComplianceRequestFields;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.config.TenantContextLoader;
import io.closeloop.ingest.service.kinds.IdentifierSet;
import io.closeloop.ingest.service.kinds.TouchpointKind;
import io.closeloop.ingest.service.write.RowIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Data-subject requests enter through ingest because they may name a person by email or phone, which must not pass
 * ingest in clear: they are hashed here (match keys and export hashes) and forwarded on {@code compliance.requests};
 * identity owns each request's lifecycle and status from then on.
 */
@ApplicationScoped
public class ComplianceService {

    static final List<String> TYPES = List.of(ComplianceRequest.ERASURE, ComplianceRequest.ACCESS);

    private final TenantContextLoader contexts;
    private final Transactions transactions;
    private final ComplianceRequestRepository requests;

    public ComplianceService(TenantContextLoader contexts, Transactions transactions,
                             ComplianceRequestRepository requests) {
        this.contexts = contexts;
        this.transactions = transactions;
        this.requests = requests;
    }

    /** The forwarded request's id (the same for a re-sent request with the same Idempotency-Key). */
    public UUID submit(String tenant, String officer, ComplianceRequestFields fields, String idempotencyKey) {
        Violations violations = new Violations();
        String type = violations.required("type", fields.type());
        if (type != null && !TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            violations.add("type", "must be one of " + TYPES);
        }
        TenantContext context = contexts.load(tenant);
        Map<String, String> clickIds = fields.clickIds() == null ? Map.of() : fields.clickIds();
        clickIds.keySet().stream().filter(name -> !TouchpointKind.CLICK_IDS.contains(name))
                .forEach(name -> violations.add("clickIds." + name, "unknown click id"));
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .strict()
                .inRegion(null, context.settings().phoneRegion)
                .email(fields.email())
                .phone(fields.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", fields.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", fields.anonymousId())
                .clickIds(clickIds);
        if (fields.phone() != null) {
            // Callers were a kind of their own before they became phones: what was stored under it is found too.
            ids.formerCallerKey(fields.phone());
        }
        LinkedHashSet<UUID> persons = new LinkedHashSet<>();
        if (fields.personId() != null) {
            persons.add(fields.personId());
        }
        if (fields.personIds() != null) {
            persons.addAll(fields.personIds());
        }
        if (ids.identifiers().isEmpty() && persons.isEmpty()) {
            violations.add("email", "a request names its person: email, phone, personId, crmContactId, anonymousId"
                    + " or clickIds");
        }
        violations.throwIfAny();
        UUID requestId = RowIds.single(tenant, null, idempotencyKey == null ? null : "compliance:" + idempotencyKey);
        ComplianceRequest request = new ComplianceRequest(tenant, requestId, type.toLowerCase(Locale.ROOT),
                ids.identifiers(), ids.exportHashes(), new ArrayList<>(persons), context.clock().instant(), officer);
        transactions.inTransaction(c -> requests.forward(c, request));
        return requestId;
    }
}
