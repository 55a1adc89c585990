package io.closeloop.attribution.service;

import static io.closeloop.messaging.NativeRows.doubleValue;
import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;

import io.closeloop.attribution.incrementality.Arm;
import io.closeloop.attribution.incrementality.HoldoutEstimate;
import io.closeloop.attribution.incrementality.HoldoutEstimator;
import io.closeloop.contracts.ExperimentAssignmentResolved;
import io.closeloop.messaging.NativeRows;
import io.closeloop.messaging.PoisonMessageException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Holdout experiments: who is in which arm, and what the arms' conversions say about the campaign's
 * incrementality. A person's latest assignment to an experiment wins. A person converts in the period if
 * they have at least one conversion in [from, to) that is not lost or cancelled; their revenue is the sum
 * of those conversions' values in the base currency (the value as sent where identity gave no base value).
 */
@ApplicationScoped
public class ExperimentService {

    public static final Set<String> ARMS = Set.of("control", "exposed");

    private static final String UPSERT = "insert into experiment_assignment (tenant, experiment_id, person_id,"
            + " event_id, arm, campaign, channel, assigned_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            + " on conflict (tenant, experiment_id, person_id) do update set event_id = excluded.event_id,"
            + " arm = excluded.arm, campaign = excluded.campaign, channel = excluded.channel,"
            + " assigned_at = excluded.assigned_at"
            + " where (excluded.assigned_at, excluded.event_id) > (experiment_assignment.assigned_at,"
            + " experiment_assignment.event_id)";

    /** Per arm: persons, converting persons, revenue, revenue² summed per person. */
    private static final String ARM_TOTALS = "select a.arm, count(*) as persons, count(r.person_id) as converters,"
            + " coalesce(sum(r.revenue), 0) as revenue,"
            + " coalesce(sum(r.revenue::float8 * r.revenue::float8), 0) as revenue_squared"
            + " from experiment_assignment a left join ("
            + "   select person_id, sum(coalesce(base_value_minor, value_minor)) as revenue from conversion"
            + "   where tenant = ?1 and occurred_at >= ?3 and occurred_at < ?4 and status not in ('lost', 'cancelled')"
            + "   group by person_id) r on r.person_id = a.person_id"
            + " where a.tenant = ?1 and a.experiment_id = ?2 group by a.arm";

    private final HoldoutEstimator estimator = new HoldoutEstimator();

    public Uni<Void> record(ExperimentAssignmentResolved assignment) {
        if (assignment.personId() == null || assignment.eventId() == null || assignment.assignedAt() == null
                || assignment.experimentId() == null || assignment.experimentId().isBlank()) {
            throw new PoisonMessageException("an assignment needs event id, person, experiment and time");
        }
        if (!ARMS.contains(assignment.arm())) {
            throw new PoisonMessageException("arm must be control or exposed: " + assignment.arm());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, assignment.tenant())
                        .setParameter(2, assignment.experimentId())
                        .setParameter(3, assignment.personId())
                        .setParameter(4, assignment.eventId())
                        .setParameter(5, assignment.arm())
                        .setParameter(6, assignment.campaign())
                        .setParameter(7, assignment.channel())
                        .setParameter(8, OffsetDateTime.ofInstant(assignment.assignedAt(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Long> erase(String tenant, List<UUID> persons) {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (UUID person : persons) {
            total = total.chain(sum -> Panache.getSession().chain(session -> session.createNativeQuery(
                                    "delete from experiment_assignment where tenant = ?1 and person_id = ?2")
                            .setParameter(1, tenant)
                            .setParameter(2, person)
                            .executeUpdate())
                    .map(rows -> sum + rows));
        }
        return total;
    }

    /** The arms' totals, or null when the experiment has no person in one of its arms. */
    public Uni<Result> incrementality(String tenant, String experimentId, Instant from, Instant to) {
        return NativeRows.list(ARM_TOTALS, tenant, experimentId, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(rows -> {
                    Arm exposed = null;
                    Arm control = null;
                    for (Tuple row : rows) {
                        Arm arm = new Arm(longValue(row, "persons"), longValue(row, "converters"),
                                longValue(row, "revenue"), doubleValue(row, "revenue_squared"));
                        if ("exposed".equals(text(row, "arm"))) {
                            exposed = arm;
                        } else {
                            control = arm;
                        }
                    }
                    if (exposed == null || control == null || exposed.persons() < 2 || control.persons() < 2) {
                        return new Result(exposed, control, null);
                    }
                    return new Result(exposed, control, estimator.estimate(exposed, control));
                });
    }

    /** The arms and, when both have at least two persons, the estimate. */
    public record Result(Arm exposed, Arm control, HoldoutEstimate estimate) {
    }
}
