package io.closeloop.reporting.service;

import io.closeloop.contracts.ConversionResolved;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.metrics.FunnelStages;
import io.closeloop.reporting.repository.ConversionFactRepository;
import io.closeloop.reporting.repository.CreditDayRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * What reports need of a resolved conversion, and nothing of its person: whether it is offline, whether it is a
 * lead, and when it first reached each funnel stage. A restated version of a stage changes nothing.
 */
@ApplicationScoped
public class ConversionIntake {

    /** Attributes only offline kinds set (ingest's CRM stages, POS sales, call-centre orders, booked jobs). */
    static final Set<String> OFFLINE_MARKERS = Set.of("pipeline", "store_id", "register_id", "agent_id", "job_type");

    private final ConversionFactRepository facts;
    private final CreditDayRepository days;

    public ConversionIntake(ConversionFactRepository facts, CreditDayRepository days) {
        this.facts = facts;
        this.days = days;
    }

    public Uni<Void> apply(ConversionResolved conversion) {
        if (conversion.conversionId() == null || conversion.occurredAt() == null) {
            throw new PoisonMessageException("resolved conversion needs conversionId and occurredAt");
        }
        boolean lead = FunnelStages.isStage(conversion.status());
        String tenant = conversion.tenant();
        String id = conversion.conversionId();
        // The daily credit sums are split by the offline and lead flags: the conversion's sets leave with the
        // flags they had and come back with the flags it has now.
        Uni<Void> chain = days.lockConversion(tenant, id).chain(() -> days.subtractConversion(tenant, id))
                .chain(() -> facts.upsertFact(tenant, id, offline(conversion.attributes()), lead))
                .chain(() -> days.addConversion(tenant, id));
        // A value change or refund restates the amount, not the stage.
        if (conversion.change() == null) {
            for (String stage : FunnelStages.reached(conversion.status())) {
                chain = chain.chain(() -> facts.reachStage(conversion.tenant(), conversion.conversionId(), stage,
                        conversion.occurredAt()));
            }
        }
        return chain;
    }

    static boolean offline(Map<String, String> attributes) {
        if (attributes == null) {
            return false;
        }
        return "true".equalsIgnoreCase(attributes.get("offline"))
                || attributes.keySet().stream().anyMatch(OFFLINE_MARKERS::contains);
    }
}
