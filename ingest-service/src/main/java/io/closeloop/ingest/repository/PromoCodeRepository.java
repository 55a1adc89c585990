package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.PromoCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A tenant's promo and QR codes, stored in their lower-case form. */
@ApplicationScoped
public class PromoCodeRepository {

    private static final String COLUMNS = "code, campaign, channel, source, medium, valid_from, valid_to";

    public List<PromoCode> list(Connection connection, String tenant) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from promo_code where tenant = ? order by code",
                PromoCodeRepository::map, tenant);
    }

    public Optional<PromoCode> find(Connection connection, String tenant, String code) throws SQLException {
        return Sql.query(connection, "select " + COLUMNS + " from promo_code where tenant = ? and code = ?",
                PromoCodeRepository::map, tenant, code).stream().findFirst();
    }

    public void upsert(Connection connection, String tenant, PromoCode c) throws SQLException {
        Sql.update(connection, "insert into promo_code (tenant, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant, code) do update set campaign = excluded.campaign,"
                        + " channel = excluded.channel, source = excluded.source, medium = excluded.medium,"
                        + " valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_at = now()",
                tenant, c.code(), c.campaign(), c.channel(), c.source(), c.medium(), c.validFrom(), c.validTo());
    }

    public boolean delete(Connection connection, String tenant, String code) throws SQLException {
        return Sql.update(connection, "delete from promo_code where tenant = ? and code = ?", tenant, code) == 1;
    }

    private static PromoCode map(ResultSet row) throws SQLException {
        return new PromoCode(row.getString("code"), row.getString("campaign"), row.getString("channel"),
                row.getString("source"), row.getString("medium"), Sql.date(row, "valid_from"),
                Sql.date(row, "valid_to"));
    }
}
