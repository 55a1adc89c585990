package io.closeloop.ingest.repository;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Forwarded compliance requests. The request goes to the outbox only (not to the raw-event store, which replay
 * republishes), so a replay never re-sends an erasure.
 */
@ApplicationScoped
public class ComplianceRequestRepository {

    /** Records the request and queues it for {@code compliance.requests}; false when its id was known already. */
    public boolean forward(Connection connection, ComplianceRequest request) throws SQLException {
        int inserted = Sql.update(connection, "insert into compliance_request (tenant, request_id, type, requested_by,"
                        + " requested_at) values (?, ?, ?, ?, ?) on conflict do nothing", request.tenant(),
                request.requestId(), request.type(), request.requestedBy(), Timestamp.from(request.requestedAt()));
        if (inserted == 1) {
            Sql.update(connection, "insert into outbox_event (event_id, tenant, topic, record_key, payload, headers)"
                            + " values (?, ?, ?, ?, ?, ?)", request.requestId(), request.tenant(),
                    Topics.COMPLIANCE_REQUESTS.name(), Keys.request(request.tenant(), request.requestId()),
                    Json.write(request),
                    Json.write(Outbox.headers(Topics.COMPLIANCE_REQUESTS, request.tenant(), request.requestId())));
        }
        return inserted == 1;
    }
}
