package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.TenantSettingsEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** What the write path reads about a tenant, over JDBC on the request's worker thread. */
@ApplicationScoped
public class TenantContextRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The tenant's HMAC key for match keys, created on its first event; it never leaves this database. */
    public byte[] secret(Connection connection, String tenant) throws SQLException {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into tenant_secret (tenant, hmac_key) values (?, ?) on conflict (tenant) do nothing")) {
            insert.setString(1, tenant);
            insert.setBytes(2, candidate);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select hmac_key from tenant_secret where tenant = ?")) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes("hmac_key");
            }
        }
    }

    /**
     * The tenant's secret before its last rotation while the rotation's overlap window lasts ({@code
     * previous_until} after {@code now}), else null.
     */
    public byte[] previousSecret(Connection connection, String tenant, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select previous_hmac_key from tenant_secret"
                + " where tenant = ? and previous_hmac_key is not null and previous_until > ?")) {
            select.setString(1, tenant);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes("previous_hmac_key") : null;
            }
        }
    }

    /** The tenant's settings, or the defaults when none were saved. */
    public TenantSettingsEntity settings(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select time_zone, base_currency, phone_region, updated_at from tenant_settings where tenant = ?")) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                TenantSettingsEntity settings = TenantSettingsEntity.defaults(tenant);
                if (row.next()) {
                    settings.timeZone = row.getString("time_zone");
                    settings.baseCurrency = row.getString("base_currency").trim();
                    settings.phoneRegion = row.getString("phone_region").trim();
                    settings.updatedAt = row.getTimestamp("updated_at").toInstant();
                }
                return settings;
            }
        }
    }
}
