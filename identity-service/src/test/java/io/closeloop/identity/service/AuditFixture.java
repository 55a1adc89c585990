package io.closeloop.identity.service;

import static io.restassured.RestAssured.given;

import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.ChainedEntry;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Appends as another service's code would, and changes rows as someone with database owner rights could. */
public final class AuditFixture {

    private AuditFixture() {
    }

    /** Appends in a transaction of its own, on a Vert.x context of its own (as a consumer would). */
    public static ChainedEntry append(AuditLog audit, String tenant, AuditEntry entry) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.append(tenant, entry)));
        } catch (Throwable e) {
            throw new IllegalStateException("append failed", e);
        }
    }

    /** Runs SQL as the PostgreSQL superuser, which the service role's revoked rights do not bind. */
    public static int tamper(String sql) throws SQLException {
        try (Connection c = InfraTestResource.postgres().superuserConnection("identity");
             Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** GET /api/v1/audit/verify as the test's identity. */
    public static JsonPath verify() {
        return given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }
}
