package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.ReclassifyJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reclassification jobs, tenant-scoped. */
@ApplicationScoped
public class ReclassifyJobRepository {

    private static final String COLUMNS = "tenant, job_id, state, range_from, range_to, revision, touches_total,"
            + " touches_read, changed, published, failure, created_at, updated_at";

    public void create(Connection connection, String tenant, UUID jobId, Instant from, Instant to, String revision,
                       long touchesTotal) throws SQLException {
        Sql.update(connection, "insert into reclassify_job (tenant, job_id, state, range_from, range_to, revision,"
                        + " touches_total) values (?, ?, 'queued', ?, ?, ?, ?)", tenant, jobId, utc(from), utc(to),
                revision, touchesTotal);
    }

    public void progress(Connection connection, String tenant, UUID jobId, String state, long read, long changed,
                         long published) throws SQLException {
        Sql.update(connection, "update reclassify_job set state = ?, touches_read = ?, changed = ?, published = ?,"
                        + " updated_at = now() where tenant = ? and job_id = ?", state, read, changed, published, tenant,
                jobId);
    }

    public void fail(Connection connection, String tenant, UUID jobId, String failure) throws SQLException {
        Sql.update(connection, "update reclassify_job set state = 'failed', failure = ?, updated_at = now()"
                + " where tenant = ? and job_id = ?", failure, tenant, jobId);
    }

    public Optional<ReclassifyJob> find(Connection connection, String tenant, UUID jobId) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from reclassify_job where tenant = ? and job_id = ?",
                ReclassifyJobRepository::job, tenant, jobId).stream().findFirst();
    }

    /** Jobs that were waiting or running when an instance stopped. */
    public List<ReclassifyJob> unfinished(Connection connection) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from reclassify_job where state in ('queued', 'running')",
                ReclassifyJobRepository::job);
    }

    private static ReclassifyJob job(ResultSet row) throws SQLException {
        return new ReclassifyJob(row.getString("tenant"), row.getObject("job_id", UUID.class),
                row.getString("state"), instant(row, "range_from"), instant(row, "range_to"), row.getString("revision"),
                row.getLong("touches_total"), row.getLong("touches_read"), row.getLong("changed"),
                row.getLong("published"), row.getString("failure"), instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
