package io.closeloop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets access tokens from the realm's token endpoint, for tests and demos. Password tokens come
 * from the public {@value #CLI_CLIENT} client, which allows the password grant and nothing else.
 */
public final class TokenClient {

    public static final String CLI_CLIENT = "closeloop-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param issuerUrl e.g. {@link KeycloakServer#issuerUrl()} */
    public TokenClient(String issuerUrl) {
        this.tokenEndpoint = URI.create(issuerUrl + "/protocol/openid-connect/token");
    }

    public static TokenClient of(KeycloakServer keycloak) {
        return new TokenClient(keycloak.issuerUrl());
    }

    /** An access token for a person (password grant through {@value #CLI_CLIENT}). */
    public String passwordToken(String username, String password) {
        return tokens(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", password, "scope", "openid")).get("access_token").asText();
    }

    /** An access token for a machine client's service account (client-credentials grant). */
    public String clientCredentialsToken(String clientId, String secret) {
        return tokens(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .get("access_token").asText();
    }

    /** The whole token response (access, refresh and, with scope openid, id token). */
    public JsonNode tokens(Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request to " + tokenEndpoint + " failed with "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("token request to " + tokenEndpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The claims of a JWT, without checking its signature: for assertions in tests only. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT payload is not JSON", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
