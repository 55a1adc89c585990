package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.MatchFeatureSet;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.ingest.domain.MatchEncoding;
import io.closeloop.ingest.domain.TenantKey;
import io.closeloop.ingest.service.Transactions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A rotated tenant secret: while the overlap window lasts, every event's match features carry one set per key,
 * each as that key alone would encode it; after the window only the current key's set.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "rotech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = KeyRotationTest.TENANT))
class KeyRotationTest {

    static final String TENANT = "rotech";
    private static final byte[] CURRENT = "rotech-current-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = "rotech-previous-secret-012345678".getBytes(StandardCharsets.UTF_8);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Transactions transactions;

    @Test
    void duringTheOverlapWindowFeaturesAreEncodedUnderBothKeysAndAfterItUnderTheCurrentOnly() throws Exception {
        rotated(Instant.now().plus(Duration.ofDays(7)));
        List<MatchFeatureSet> during = MatchFeatureSet.fromMap(form().matchFeatures());
        MatchFeatureSet current = new MatchEncoding(new TenantKey(CURRENT)).encode("Jane", "Doe", "10115",
                "jane@example.com", null);
        MatchFeatureSet previous = new MatchEncoding(new TenantKey(PREVIOUS)).encode("Jane", "Doe", "10115",
                "jane@example.com", null);
        assertThat(during).containsExactlyInAnyOrder(current, previous);
        assertThat(current.keyId()).isNotEqualTo(previous.keyId());

        rotated(Instant.now().minusSeconds(1));
        assertThat(MatchFeatureSet.fromMap(form().matchFeatures())).containsExactly(current);
    }

    private void rotated(Instant previousUntil) {
        transactions.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("insert into tenant_secret (tenant, hmac_key,"
                    + " previous_hmac_key, previous_until) values (?, ?, ?, ?) on conflict (tenant) do update set"
                    + " hmac_key = excluded.hmac_key, previous_hmac_key = excluded.previous_hmac_key,"
                    + " previous_until = excluded.previous_until")) {
                upsert.setString(1, TENANT);
                upsert.setBytes(2, CURRENT);
                upsert.setBytes(3, PREVIOUS);
                upsert.setTimestamp(4, Timestamp.from(previousUntil));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private TouchpointRaw form() throws Exception {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                {"eventId":"%s","formName":"demo-request","occurredAt":"2026-10-02T09:15:00Z",
                 "email":"jane@example.com","firstName":"Jane","lastName":"Doe","postcode":"10115"}"""
                .formatted(id)).post("/api/v1/forms").then().statusCode(202);
        return Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id).value();
    }
}
