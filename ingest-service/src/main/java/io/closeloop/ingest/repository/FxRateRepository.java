package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.FxRates.Rate;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** A tenant's FX-rate table. */
@ApplicationScoped
public class FxRateRepository {

    private static final String COLUMNS = "rate_date, from_currency, to_currency, rate";

    /** The tenant's rates, optionally of one source or target currency, by pair and date. */
    public List<Rate> list(Connection connection, String tenant, String from, String to) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from fx_rate where tenant = ?"
                        + " and (?::text is null or from_currency = ?) and (?::text is null or to_currency = ?)"
                        + " order by from_currency, to_currency, rate_date",
                FxRateRepository::map, tenant, from, from, to, to);
    }

    /** Stores the rate; true when it is new or differs from the stored one (only then is it announced). */
    public boolean upsert(Connection connection, String tenant, Rate rate) throws SQLException {
        return Sql.update(connection, "insert into fx_rate (tenant, " + COLUMNS + ") values (?, ?, ?, ?, ?)"
                        + " on conflict (tenant, from_currency, to_currency, rate_date)"
                        + " do update set rate = excluded.rate, updated_at = now() where fx_rate.rate <> excluded.rate",
                tenant, rate.date(), rate.from(), rate.to(), rate.rate()) == 1;
    }

    public boolean delete(Connection connection, String tenant, LocalDate date, String from, String to)
            throws SQLException {
        return Sql.update(connection, "delete from fx_rate where tenant = ? and rate_date = ? and from_currency = ?"
                + " and to_currency = ?", tenant, date, from, to) == 1;
    }

    private static Rate map(ResultSet row) throws SQLException {
        return new Rate(Sql.date(row, "rate_date"), row.getString("from_currency"), row.getString("to_currency"),
                row.getBigDecimal("rate"));
    }
}
