package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.ConversionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A tenant's conversion types. */
@ApplicationScoped
public class ConversionTypeRepository {

    private static final String COLUMNS = "name, counts_as_conversion, counting_stages, default_lookback_days,"
            + " value_required";

    public List<ConversionType> list(Connection connection, String tenant) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from conversion_type where tenant = ? order by name",
                ConversionTypeRepository::map, tenant);
    }

    public Optional<ConversionType> find(Connection connection, String tenant, String name) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from conversion_type where tenant = ? and name = ?",
                ConversionTypeRepository::map, tenant, name).stream().findFirst();
    }

    public void upsert(Connection connection, String tenant, ConversionType t) throws SQLException {
        Sql.update(connection, "insert into conversion_type (tenant, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant, name) do update"
                        + " set counts_as_conversion = excluded.counts_as_conversion,"
                        + " counting_stages = excluded.counting_stages,"
                        + " default_lookback_days = excluded.default_lookback_days,"
                        + " value_required = excluded.value_required, updated_at = now()",
                tenant, t.name(), t.countsAsConversion(), t.countingStages().toArray(String[]::new),
                t.defaultLookbackDays(), t.valueRequired());
    }

    public boolean delete(Connection connection, String tenant, String name) throws SQLException {
        return Sql.update(connection, "delete from conversion_type where tenant = ? and name = ?", tenant, name) == 1;
    }

    private static ConversionType map(ResultSet row) throws SQLException {
        String[] stages = (String[]) row.getArray("counting_stages").getArray();
        return new ConversionType(row.getString("name"), row.getBoolean("counts_as_conversion"),
                Arrays.asList(stages), row.getInt("default_lookback_days"), row.getBoolean("value_required"));
    }
}
