package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked-in realm on a real Keycloak: the claims every service relies on. */
class KeycloakRealmIT {

    @TempDir
    static Path dir;
    static KeycloakServer keycloak;
    static TokenClient tokens;

    @BeforeAll
    static void start() {
        keycloak = new KeycloakServer(dir.resolve("keycloak.log"), Ports.freePort(), Ports.freePort());
        keycloak.start();
        tokens = TokenClient.of(keycloak);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @Test
    void aPersonsTokensCarryTenantAndRealmRoles() {
        JsonNode response = tokens.tokens(Map.of("grant_type", "password", "client_id", TokenClient.CLI_CLIENT,
                "username", "acme-analyst", "password", "closeloop", "scope", "openid"));

        for (String kind : List.of("access_token", "id_token")) {
            JsonNode claims = TokenClient.claims(response.get(kind).asText());
            assertThat(claims.get("iss").asText()).as(kind).isEqualTo(keycloak.issuerUrl());
            assertThat(claims.get("tenant").isTextual()).as(kind).isTrue();
            assertThat(claims.get("tenant").asText()).as(kind).isEqualTo("acme");
            assertThat(roles(claims)).as(kind).containsExactly("analyst");
            assertThat(claims.get("preferred_username").asText()).isEqualTo("acme-analyst");
        }
        assertThat(TokenClient.claims(tokens.passwordToken("acme-analyst", "closeloop")).get("tenant").asText())
                .isEqualTo("acme");
    }

    @Test
    void aMachineClientsTokenCarriesItsTenantAndIngestRole() {
        JsonNode claims = TokenClient.claims(tokens.clientCredentialsToken("globex-service", "globex-service-secret"));

        assertThat(claims.get("tenant").asText()).isEqualTo("globex");
        assertThat(roles(claims)).containsExactly("ingest");
        assertThat(claims.get("azp").asText()).isEqualTo("globex-service");
    }

    @Test
    void everyDemoUserHasOnlyTheRoleInItsName() {
        for (String tenant : Summary.TENANTS) {
            for (String role : Summary.ROLES) {
                JsonNode claims = TokenClient.claims(tokens.passwordToken(tenant + "-" + role, "closeloop"));
                assertThat(claims.get("tenant").asText()).isEqualTo(tenant);
                assertThat(roles(claims)).containsExactly(role);
            }
        }
    }

    @Test
    void refusesWrongSecretsAndGrantsAClientIsNotMadeFor() {
        assertThatThrownBy(() -> tokens.passwordToken("acme-analyst", "wrong")).hasMessageContaining("invalid_grant");
        assertThatThrownBy(() -> tokens.clientCredentialsToken("acme-service", "globex-service-secret"))
                .hasMessageContaining("401");
        // The browser client has no password grant.
        assertThatThrownBy(() -> tokens.tokens(Map.of("grant_type", "password", "client_id", "closeloop-web",
                "username", "acme-analyst", "password", "closeloop"))).hasMessageContaining("unauthorized_client");
    }

    @Test
    void theBrowserClientAcceptsLoopbackRedirectsOnAnyPortWithPkce() throws Exception {
        // Registered without a port: Keycloak matches loopback redirects on any port (RFC 8252 7.3).
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        for (String redirect : List.of("http://localhost:8081/callback", "http://127.0.0.1:5173/", "http://localhost/x")) {
            assertThat(authorize(redirect, "&code_challenge=" + challenge + "&code_challenge_method=S256"))
                    .as(redirect).isEqualTo(200);
        }
        assertThat(authorize("http://attacker.example/callback",
                "&code_challenge=" + challenge + "&code_challenge_method=S256")).isEqualTo(400);
        // Without PKCE the request is bounced back to the client with an error, never to a login page.
        assertThat(authorize("http://localhost:8081/callback", "")).isEqualTo(302);
    }

    private static int authorize(String redirect, String pkce) throws Exception {
        String url = keycloak.issuerUrl() + "/protocol/openid-connect/auth?client_id=closeloop-web"
                + "&response_type=code&scope=openid&redirect_uri=" + redirect + pkce;
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
