package io.closeloop.ingest.repository;

import io.agroal.api.AgroalDataSource;
import io.closeloop.ingest.domain.UploadJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Upload jobs, tenant-scoped; each statement commits on its own. */
@ApplicationScoped
public class UploadJobRepository {

    private static final String COLUMNS = "tenant, job_id, kind, content_type, state, bytes_total, bytes_read,"
            + " rows_read, accepted, duplicate, rejected, errors, failure, id_basis, created_at, updated_at, source_client";

    private final AgroalDataSource dataSource;

    public UploadJobRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void create(String tenant, UUID jobId, String kind, String contentType, long bytesTotal, String idBasis,
                       String sourceClient) throws SQLException {
        update("insert into upload_job (tenant, job_id, kind, content_type, state, bytes_total, id_basis,"
                        + " source_client) values (?, ?, ?, ?, 'queued', ?, ?, ?)", tenant, jobId, kind, contentType,
                bytesTotal, idBasis, sourceClient);
    }

    public void progress(String tenant, UUID jobId, String state, long bytesRead, long rowsRead, long accepted,
                         long duplicate, long rejected, String errors) throws SQLException {
        update("update upload_job set state = ?, bytes_read = ?, rows_read = ?, accepted = ?, duplicate = ?,"
                        + " rejected = ?, errors = ?, updated_at = now() where tenant = ? and job_id = ?",
                state, bytesRead, rowsRead, accepted, duplicate, rejected, errors, tenant, jobId);
    }

    public void fail(String tenant, UUID jobId, String failure) throws SQLException {
        update("update upload_job set state = 'failed', failure = ?, updated_at = now() where tenant = ? and job_id = ?",
                failure, tenant, jobId);
    }

    public Optional<UploadJob> find(String tenant, UUID jobId) throws SQLException {
        List<UploadJob> found = query("select " + COLUMNS + " from upload_job where tenant = ? and job_id = ?",
                tenant, jobId);
        return found.stream().findFirst();
    }

    /** Jobs that were waiting or running when an instance stopped. */
    public List<UploadJob> unfinished() throws SQLException {
        return query("select " + COLUMNS + " from upload_job where state in ('queued', 'running')");
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private List<UploadJob> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<UploadJob> jobs = new ArrayList<>();
            while (rows.next()) {
                jobs.add(job(rows));
            }
            return jobs;
        }
    }

    private static UploadJob job(ResultSet row) throws SQLException {
        return new UploadJob(row.getString("tenant"), row.getObject("job_id", UUID.class), row.getString("kind"),
                row.getString("content_type"), row.getString("state"), row.getLong("bytes_total"),
                row.getLong("bytes_read"), row.getLong("rows_read"), row.getLong("accepted"),
                row.getLong("duplicate"), row.getLong("rejected"), row.getString("errors"), row.getString("failure"),
                row.getString("id_basis"), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getString("source_client"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
