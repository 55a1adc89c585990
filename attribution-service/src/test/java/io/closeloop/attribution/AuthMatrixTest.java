package io.closeloop.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.AuthMatrix;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.JaxRsRoutes;
import io.closeloop.infra.SelfSignedTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document against real token verification (signed tokens, not a mocked
 * identity): see {@link AuthMatrix} for the classes tried.
 */
@QuarkusTest
@TestProfile(AuthMatrixTest.SignedTokens.class)
// Runs in its own JVM (the root pom's surefire execution `auth-matrix`): its profile restarts Quarkus.
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class AuthMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @Test
    void everyOperationRefusesStrangersAndShowsNothingOfAnotherTenant() throws Exception {
        AuthMatrix.Result result = new AuthMatrix(base.toString(), openApi.toString(),
                JaxRsRoutes.scan(getClass().getClassLoader(), "io.closeloop"), SelfSignedTokens.shared("matrix"),
                schemas -> List.of(), Map.of()).run();

        System.out.println("attribution " + result.summary());
        assertThat(result.failures()).isEmpty();
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
