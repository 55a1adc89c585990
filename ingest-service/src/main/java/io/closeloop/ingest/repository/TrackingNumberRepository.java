package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.TrackingNumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A tenant's call-tracking numbers. */
@ApplicationScoped
public class TrackingNumberRepository {

    private static final String COLUMNS = "number, pool, source, medium, campaign, channel";

    public List<TrackingNumber> list(Connection connection, String tenant, String pool) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from tracking_number where tenant = ?"
                + " and (?::text is null or pool = ?) order by number", TrackingNumberRepository::map, tenant, pool, pool);
    }

    public Optional<TrackingNumber> find(Connection connection, String tenant, String number) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from tracking_number where tenant = ? and number = ?",
                TrackingNumberRepository::map, tenant, number).stream().findFirst();
    }

    public void upsert(Connection connection, String tenant, TrackingNumber n) throws SQLException {
        Sql.update(connection, "insert into tracking_number (tenant, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant, number) do update set pool = excluded.pool, source = excluded.source,"
                        + " medium = excluded.medium, campaign = excluded.campaign, channel = excluded.channel,"
                        + " updated_at = now()",
                tenant, n.number(), n.pool(), n.source(), n.medium(), n.campaign(), n.channel());
    }

    public boolean delete(Connection connection, String tenant, String number) throws SQLException {
        return Sql.update(connection, "delete from tracking_number where tenant = ? and number = ?", tenant, number) == 1;
    }

    private static TrackingNumber map(ResultSet row) throws SQLException {
        return new TrackingNumber(row.getString("number"), row.getString("pool"), row.getString("source"),
                row.getString("medium"), row.getString("campaign"), row.getString("channel"));
    }
}
