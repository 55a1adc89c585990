package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Merges held back by the over-merge guard, for an admin to decide. */
@ApplicationScoped
public class ReviewRepository {

    public record Review(UUID reviewId, UUID eventId, UUID personId, UUID otherPersonId, String rule, String status,
                         Instant createdAt, Instant decidedAt, String decidedBy) {
    }

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    private static final String COLUMNS = "select review_id::text, event_id::text, person_id::text,"
            + " other_person_id::text, rule, status, " + Sql.micros("created_at") + ", " + Sql.micros("decided_at")
            + ", decided_by from merge_review";

    public Uni<Void> create(String tenant, UUID eventId, UUID person, UUID other, String rule) {
        return Sql.update("insert into merge_review (tenant, review_id, event_id, person_id, other_person_id, rule)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)", tenant, UUID.randomUUID(), eventId, person, other, rule)
                .replaceWithVoid();
    }

    public Uni<List<Review>> list(String tenant, String status) {
        String order = " order by created_at, review_id limit 1000";
        Uni<List<Tuple>> rows = status == null
                ? Sql.tuples(COLUMNS + " where tenant = ?1" + order, tenant)
                : Sql.tuples(COLUMNS + " where tenant = ?1 and status = ?2" + order, tenant, status);
        return rows.map(found -> found.stream().map(ReviewRepository::review).toList());
    }

    /** The review, locked until the caller's transaction ends; null when unknown. */
    public Uni<Review> lock(String tenant, UUID reviewId) {
        return Sql.tuples(COLUMNS + " where tenant = ?1 and review_id = ?2 for update", tenant, reviewId)
                .map(rows -> rows.isEmpty() ? null : review(rows.get(0)));
    }

    public Uni<Void> decide(String tenant, UUID reviewId, String status, String by) {
        return Sql.update("update merge_review set status = ?3, decided_at = now(), decided_by = ?4"
                + " where tenant = ?1 and review_id = ?2", tenant, reviewId, status, by).replaceWithVoid();
    }

    private static Review review(Tuple row) {
        return new Review(uuid(row, "review_id"), uuid(row, "event_id"), uuid(row, "person_id"),
                uuid(row, "other_person_id"), text(row, "rule"), text(row, "status"), Sql.ofMicros(row, "created_at"),
                Sql.ofMicros(row, "decided_at"), text(row, "decided_by"));
    }
}
