package io.closeloop.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP calls to the services as one tenant's realm users: {@code admin} and {@code analyst} by password
 * ({@code <tenant>-admin}, ...), {@code ingest} as the tenant's machine client ({@code <tenant>-service}). Tokens
 * are fetched again before they can expire (they live 15 minutes).
 */
public final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH = Duration.ofMinutes(5);

    private final TokenClient tokens;
    private final String tenant;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cached = new HashMap<>();
    private final Map<String, Instant> fetchedAt = new HashMap<>();

    /** @param password the realm users' password ({@code closeloop} for the demo users) */
    public PlatformClient(TokenClient tokens, String tenant, String password) {
        this.tokens = tokens;
        this.tenant = tenant;
        this.password = password;
    }

    public String tenant() {
        return tenant;
    }

    /** A bearer token for {@code role}: {@code ingest} (machine client) or a user role such as {@code analyst}. */
    public synchronized String token(String role) {
        Instant at = fetchedAt.get(role);
        if (at == null || Duration.between(at, Instant.now()).compareTo(REFRESH) >= 0) {
            String token = role.equals("ingest")
                    ? tokens.clientCredentialsToken(tenant + "-service", tenant + "-service-secret")
                    : tokens.passwordToken(tenant + "-" + role, password);
            cached.put(role, token);
            fetchedAt.put(role, Instant.now());
        }
        return cached.get(role);
    }

    /** Sends {@code body} (null: none) as JSON with {@code role}'s token. */
    public HttpResponse<String> send(String role, String method, String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token(role))
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body of " + method + " " + url, e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The response, or an exception naming the call, its status and its body when it is not a 2xx. */
    public HttpResponse<String> expect2xx(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response;
    }

    /** A 2xx response's body as JSON. */
    public JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(expect2xx(response).body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(response.request().uri() + " answered no JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
