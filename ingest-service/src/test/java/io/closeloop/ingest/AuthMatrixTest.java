package io.closeloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /**
     * Refused today, reported rather than failed: the offline-conversion examples name a conversion type a new
     * tenant has not configured, and the sms-clicks example's recipient is not a valid number in the default
     * region. The examples are being corrected separately; remove an entry once its example is accepted.
     */
    private static final Set<String> KNOWN_REFUSED_EXAMPLES = Stream.of("booked-jobs", "call-center-orders",
                    "crm-stages", "pos-sales", "sms-clicks")
            .flatMap(kind -> Stream.of("POST /api/v1/" + kind, "POST /api/v1/" + kind + "/batch"))
            .collect(Collectors.toSet());

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
                KNOWN_REFUSED_EXAMPLES, kindExamples()).run();

        System.out.println("ingest " + result.summary());
        assertThat(result.failures()).isEmpty();
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
