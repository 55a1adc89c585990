package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.instant;
import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;

import io.closeloop.identity.domain.Confirmation;
import io.closeloop.identity.domain.SubjectRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data-subject requests and the services' erasure confirmations. Every statement is scoped to one tenant. */
@ApplicationScoped
public class SubjectRequestRepository {

    private static final String COLUMNS = "select tenant, request_id::text, type, status, requested_at, requested_by,"
            + " array_to_string(person_ids, ',') as person_ids, completed_at from subject_request";

    /** Stores a new request; false when the request id is already known (a re-sent request changes nothing). */
    public Uni<Boolean> insert(SubjectRequest request) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into subject_request"
                        + " (tenant, request_id, type, status, requested_at, requested_by, person_ids, completed_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, " + Sql.uuidArray(7) + ", ?8) on conflict do nothing")
                        .setParameter(1, request.tenant())
                        .setParameter(2, request.requestId())
                        .setParameter(3, request.type())
                        .setParameter(4, request.status())
                        .setParameter(5, Sql.utc(request.requestedAt()))
                        .setParameter(6, request.requestedBy())
                        .setParameter(7, Sql.joined(request.personIds()))
                        .setParameter(8, Sql.utc(request.completedAt()))
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<SubjectRequest> find(String tenant, UUID requestId) {
        return Sql.tuples(COLUMNS + " where tenant = ?1 and request_id = ?2", tenant, requestId)
                .map(rows -> rows.isEmpty() ? null : request(rows.get(0)));
    }

    /** The tenant's newest requests first. */
    public Uni<List<SubjectRequest>> newest(String tenant, int limit) {
        return Sql.tuples(COLUMNS + " where tenant = ?1 order by requested_at desc, request_id limit ?2", tenant, limit)
                .map(rows -> rows.stream().map(SubjectRequestRepository::request).toList());
    }

    /** Records a confirmation; false when the service had already confirmed this request. */
    public Uni<Boolean> confirm(String tenant, UUID requestId, Confirmation confirmation) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into erasure_confirmation"
                                + " (tenant, request_id, service, confirmed_at, erased_rows)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                        .setParameter(1, tenant)
                        .setParameter(2, requestId)
                        .setParameter(3, confirmation.service())
                        .setParameter(4, Sql.utc(confirmation.confirmedAt()))
                        .setParameter(5, confirmation.erasedRows())
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<List<Confirmation>> confirmations(String tenant, UUID requestId) {
        return Sql.tuples("select service, confirmed_at, erased_rows from erasure_confirmation"
                        + " where tenant = ?1 and request_id = ?2 order by service", tenant, requestId)
                .map(rows -> rows.stream().map(r -> new Confirmation(text(r, "service"), instant(r, "confirmed_at"),
                        longValue(r, "erased_rows"))).toList());
    }

    /** Marks the request complete; false when it already was. */
    public Uni<Boolean> complete(String tenant, UUID requestId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("update subject_request"
                                + " set status = ?3, completed_at = ?4 where tenant = ?1 and request_id = ?2"
                                + " and status <> ?3")
                        .setParameter(1, tenant)
                        .setParameter(2, requestId)
                        .setParameter(3, SubjectRequest.COMPLETE)
                        .setParameter(4, Sql.utc(at))
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    private static SubjectRequest request(Tuple r) {
        return new SubjectRequest(text(r, "tenant"), uuid(r, "request_id"), text(r, "type"), text(r, "status"),
                instant(r, "requested_at"), text(r, "requested_by"), Sql.uuids(r.get("person_ids")),
                instant(r, "completed_at"));
    }
}
