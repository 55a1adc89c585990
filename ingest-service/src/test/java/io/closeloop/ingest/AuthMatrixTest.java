package io.closeloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.infra.AuthMatrix;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.JaxRsRoutes;
import io.closeloop.infra.SelfSignedTokens;
import io.closeloop.ingest.service.kinds.EventKinds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document against real token verification (signed tokens, not a mocked
 * identity): see {@link AuthMatrix} for the classes tried.
 */
@QuarkusTest
@TestProfile(AuthMatrixTest.SignedTokens.class)
// Runs in its own JVM (the root pom's surefire execution `auth-matrix`): its profile restarts Quarkus.
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class AuthMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventKinds kinds;

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @Test
    void everyOperationRefusesStrangersAndShowsNothingOfAnotherTenant() throws Exception {
        AuthMatrix.Result result = new AuthMatrix(base.toString(), openApi.toString(),
                JaxRsRoutes.scan(getClass().getClassLoader(), "io.closeloop"), SelfSignedTokens.shared("matrix"),
                this::conversionTypesTheExamplesName, kindExamples()).run();

        System.out.println("ingest " + result.summary());
        assertThat(result.failures()).isEmpty();
    }

    /**
     * A conversion kind's example names a conversion type, which the tenant must have configured (as the example's
     * description says): the owner creates each one through the admin API before the examples are sent.
     */
    private List<AuthMatrix.Setup> conversionTypesTheExamplesName(JsonNode schemas) {
        Set<String> types = new TreeSet<>();
        for (String name : kinds.names()) {
            // OpenAPI 3.1 lists a schema's examples; 3.0 had one example.
            JsonNode schema = schemas.path(kinds.get(name).requestType().getSimpleName());
            for (JsonNode example : schema.has("example") ? List.of(schema.path("example")) : schema.path("examples")) {
                if (example.path("conversionType").isTextual()) {
                    types.add(example.path("conversionType").asText());
                }
            }
        }
        return types.stream()
                .map(type -> new AuthMatrix.Setup("PUT", "/api/v1/conversion-types/" + type, "admin", "{}"))
                .toList();
    }

    /** Every kind's documented example, sent one, as a batch and as an upload (the document types these as bytes). */
    private Map<String, String> kindExamples() {
        Map<String, String> examples = new TreeMap<>();
        for (String name : kinds.names()) {
            String schema = kinds.get(name).requestType().getSimpleName();
            examples.put("POST /api/v1/" + name, schema);
            examples.put("POST /api/v1/" + name + "/batch", schema + "[]");
            examples.put("POST /api/v1/" + name + "/uploads", schema + "[]");
        }
        return examples;
    }

    /** The service verifies tokens signed by this run's key, so that each token class is really verified. */
    public static class SignedTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("quarkus.oidc.public-key", SelfSignedTokens.shared("matrix").publicKey(),
                        "quarkus.oidc.token.issuer", SelfSignedTokens.ISSUER);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
