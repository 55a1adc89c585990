package io.closeloop.reporting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Per conversion: offline or not, lead or not, and when it first reached each funnel stage. */
@ApplicationScoped
public class ConversionFactRepository {

    /** Once offline or a lead, always: each version of a conversion only adds what it shows. */
    private static final String UPSERT_FACT = "insert into conversion_fact (tenant, conversion_id, offline, lead)"
            + " values (?1, ?2, ?3, ?4) on conflict (tenant, conversion_id) do update set"
            + " offline = conversion_fact.offline or excluded.offline, lead = conversion_fact.lead or excluded.lead,"
            + " stored_at = now()"
            + " where not conversion_fact.offline and excluded.offline or not conversion_fact.lead and excluded.lead";
    /** The first time a stage was reached wins; a restated version of the same stage adds nothing. */
    private static final String REACH_STAGE = "insert into lead_stage (tenant, conversion_id, stage, reached_at)"
            + " values (?1, ?2, ?3, ?4) on conflict (tenant, conversion_id, stage) do update set"
            + " reached_at = excluded.reached_at where excluded.reached_at < lead_stage.reached_at";

    public Uni<Void> upsertFact(String tenant, String conversionId, boolean offline, boolean lead) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_FACT)
                        .setParameter(1, tenant)
                        .setParameter(2, conversionId)
                        .setParameter(3, offline)
                        .setParameter(4, lead)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> reachStage(String tenant, String conversionId, String stage, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(REACH_STAGE)
                        .setParameter(1, tenant)
                        .setParameter(2, conversionId)
                        .setParameter(3, stage)
                        .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
