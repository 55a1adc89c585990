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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every operation of a service's OpenAPI document, called as an attacker and a careless client would: without a
 * token, with an expired one, one from a foreign issuer, one with a role the route does not allow, and with the
 * other tenant's token on every route that takes an id or returns data. It also fails when a JAX-RS route is
 * missing from the document, and sends every documented example request as the owning tenant. A new endpoint is
 * covered without a new test.
 */
public final class AuthMatrix {

    public static final List<String> ROLES = List.of("ingest", "analyst", "compliance", "admin");
    private static final String OWNER = "acme";
    private static final String OTHER = "globex";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was tried, per class, and every expectation that did not hold. */
    public record Result(Map<String, Integer> tried, List<String> failures, Set<String> challenges) {
        public String summary() {
            return "auth matrix: " + tried + "; failures " + failures.size() + "; WWW-Authenticate seen " + challenges;
        }
    }

    /**
     * A request the owning tenant sends before the documented examples, because an example documents that it
     * needs it (e.g. a conversion type the tenant must have configured); it must answer 2xx.
     */
    public record Setup(String method, String path, String role, String body) {
        String name() {
            return method + " " + path;
        }
    }

    private record Operation(String method, String path, JsonNode node) {
        String name() {
            return method + " " + path;
        }
    }

    private final String baseUrl;
    private final String openApiUrl;
    private final List<JaxRsRoutes.Route> routes;
    private final SelfSignedTokens tokens;
    private final SelfSignedTokens foreign;
    private final Function<JsonNode, List<Setup>> setup;
    private final Map<String, String> concreteExamples;
    private JsonNode schemas;
    private final Map<String, Set<String>> ownerValues = new LinkedHashMap<>();
    private final Set<String> ownerIds = new LinkedHashSet<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Integer> tried = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> challenges = new LinkedHashSet<>();

    /**
     * @param tokens the signer the service trusts ({@code quarkus.oidc.public-key}, issuer
     *               {@link SelfSignedTokens#ISSUER})
     * @param setup given the document's component schemas, what the owner sets up before its examples are sent
     * @param concreteExamples for a route whose body the document types only as bytes ({@code POST /api/v1/{kind}}):
     *                         concrete operation ("POST /api/v1/booked-jobs") to the component schema whose example
     *                         it takes; a schema name ending in {@code []} sends the example in a JSON array
     */
    public AuthMatrix(String baseUrl, String openApiUrl, List<JaxRsRoutes.Route> routes, SelfSignedTokens tokens,
                      Function<JsonNode, List<Setup>> setup, Map<String, String> concreteExamples)
            throws GeneralSecurityException {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.openApiUrl = openApiUrl;
        this.routes = routes;
        this.tokens = tokens;
        this.foreign = new SelfSignedTokens();
        this.setup = setup;
        this.concreteExamples = concreteExamples;
    }

    public Result run() throws IOException, InterruptedException, GeneralSecurityException {
        HttpResponse<String> document = get(openApiUrl + "?format=json", null);
        if (document.statusCode() != 200 || !document.body().startsWith("{")) {
            throw new IllegalStateException("no OpenAPI document at " + openApiUrl + ": " + describe(document));
        }
        List<Operation> operations = operations(document.body());
        schemas = JSON.readTree(document.body()).path("components").path("schemas");
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("auth-matrix-openapi.json"), document.body());
        }
        checkEveryRouteIsDocumented(operations);
        Map<String, JaxRsRoutes.Route> byOperation = new LinkedHashMap<>();
        routes.forEach(route -> byOperation.put(route.operation(), route));
        for (Operation operation : operations) {
            JaxRsRoutes.Route route = byOperation.get(operation.name());
            if (route == null || route.roles().isEmpty()) {
                continue;
            }
            authenticationClasses(operation, route);
        }
        // The owner's data first (what its examples need, then the examples), then what the other tenant sees.
        for (Setup request : setup.apply(schemas)) {
            count("example setup");
            HttpResponse<String> response = send(request.method(), baseUrl + request.path(),
                    request.body() == null ? null : JSON.readTree(request.body()), "application/json",
                    tokens.token(OWNER, request.role()));
            if (response.statusCode() / 100 != 2) {
                failures.add(request.name() + ", set up for the examples, answered " + describe(response));
            }
        }
        for (Operation operation : operations) {
            JaxRsRoutes.Route route = byOperation.get(operation.name());
            if (route != null && !route.roles().isEmpty() && example(operation) != null) {
                sendExample(operation.name(), operation.method(), url(operation, Map.of()), example(operation), route);
            }
        }
        for (Map.Entry<String, String> concrete : concreteExamples.entrySet()) {
            String method = concrete.getKey().substring(0, concrete.getKey().indexOf(' '));
            String path = concrete.getKey().substring(method.length() + 1);
            JaxRsRoutes.Route route = routes.stream().filter(r -> r.method().equals(method)
                    && Pattern.matches(r.path().replaceAll("\\{[^}]+}", "[^/]+"), path)).findFirst().orElse(null);
            JsonNode example = schemaExample(concrete.getValue().replace("[]", ""));
            if (route == null) {
                failures.add(concrete.getKey() + " matches no JAX-RS route");
                continue;
            }
            if (example == null) {
                count("schema without example");
                continue;
            }
            if (concrete.getValue().endsWith("[]")) {
                example = JSON.createArrayNode().add(example);
            }
            sendExample(concrete.getKey(), method, baseUrl + path, example, route);
        }
        crossTenant(operations, byOperation);
        return new Result(tried, failures, challenges);
    }

    private void checkEveryRouteIsDocumented(List<Operation> operations) {
        Set<String> documented = new LinkedHashSet<>();
        operations.forEach(operation -> documented.add(operation.name()));
        for (JaxRsRoutes.Route route : routes) {
            count("route documented");
            if (!documented.contains(route.operation())) {
                failures.add(route.operation() + " is a JAX-RS route missing from the OpenAPI document");
            }
        }
    }

    private void authenticationClasses(Operation operation, JaxRsRoutes.Route route)
            throws IOException, InterruptedException, GeneralSecurityException {
        String role = route.roles().iterator().next();
        String url = url(operation, Map.of());
        expect401(operation, "no token", send(operation, url, null));
        expect401(operation, "expired token", send(operation, url,
                tokens.token(SelfSignedTokens.ISSUER, OWNER, role, Instant.now().minusSeconds(600))));
        expect401(operation, "foreign-issuer token", send(operation, url,
                foreign.token("https://login.example.net/realms/closeloop", OWNER, role, Instant.now().plusSeconds(600))));
        for (String wrong : ROLES) {
            if (route.roles().contains(wrong)) {
                continue;
            }
            HttpResponse<String> response = send(operation, url, tokens.token(OWNER, wrong));
            count("wrong-role token");
            if (response.statusCode() != 403 || !isProblem(response)) {
                failures.add(operation.name() + " with role " + wrong + " answered " + describe(response)
                        + ", expected 403 problem+json");
            }
        }
    }

    private void expect401(Operation operation, String kind, HttpResponse<String> response) {
        count(kind);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        challenges.add(kind + ": " + challenge);
        boolean problemOrEmpty = response.body().isEmpty() || isProblem(response);
        if (response.statusCode() != 401 || !challenge.startsWith("Bearer") || !problemOrEmpty) {
            failures.add(operation.name() + " with " + kind + " answered " + describe(response)
                    + " WWW-Authenticate=" + challenge + ", expected 401 with a Bearer challenge");
        }
    }

    private void sendExample(String name, String method, String url, JsonNode example, JaxRsRoutes.Route route)
            throws IOException, InterruptedException, GeneralSecurityException {
        count("documented example");
        HttpResponse<String> response = send(method, url, example, "application/json",
                tokens.token(OWNER, route.roles().iterator().next()));
        if (response.statusCode() / 100 != 2 || rejectedRows(response.body()) > 0) {
            failures.add(name + " refused its documented example: " + describe(response));
            return;
        }
        harvest(response.body(), ownerValues, ownerIds);
    }

    /**
     * Reads everything the owner can list, then calls every route with the other tenant's token: a list shows
     * none of the owner's ids, and a route taking an id answers the owner's id exactly as it answers one that
     * does not exist, without the owner's data (no existence oracle).
     */
    private void crossTenant(List<Operation> operations, Map<String, JaxRsRoutes.Route> byOperation)
            throws IOException, InterruptedException, GeneralSecurityException {
        Map<String, String> ownerListings = new LinkedHashMap<>();
        for (Operation operation : operations) {
            JaxRsRoutes.Route route = byOperation.get(operation.name());
            if (route == null || route.roles().isEmpty() || !operation.method().equals("GET")
                    || operation.path().contains("{")) {
                continue;
            }
            HttpResponse<String> response = send(operation, url(operation, Map.of()), ownerToken(route));
            if (response.statusCode() == 200) {
                ownerListings.put(operation.name(), response.body());
                harvest(response.body(), ownerValues, ownerIds);
            }
        }
        for (Operation operation : operations) {
            JaxRsRoutes.Route route = byOperation.get(operation.name());
            if (route == null || route.roles().isEmpty()) {
                continue;
            }
            String token = tokens.token(OTHER, route.roles().iterator().next());
            if (!operation.path().contains("{")) {
                if (operation.method().equals("GET")) {
                    count("other tenant's read");
                    HttpResponse<String> response = send(operation, url(operation, Map.of()), token);
                    leaks(operation, response, ownerIds, "its list");
                }
                continue;
            }
            // Reads and deletes by id; a PUT by id is the other tenant's own upsert, a POST names a collection.
            boolean byId = operation.method().equals("GET") || operation.method().equals("DELETE");
            Map<String, String> ownerParams = byId ? ownerParams(operation, ownerValues) : Map.of();
            if (ownerParams.isEmpty()) {
                continue;
            }
            count("other tenant's id");
            HttpResponse<String> foreignId = send(operation, url(operation, ownerParams), token);
            HttpResponse<String> missingId = send(operation, url(operation, Map.of()), token);
            if (foreignId.statusCode() != missingId.statusCode()) {
                failures.add(operation.name() + " answers the other tenant's " + ownerParams + " with "
                        + foreignId.statusCode() + " but a missing one with " + missingId.statusCode());
            }
            Set<String> notEchoed = new LinkedHashSet<>(ownerIds);
            notEchoed.removeAll(ownerParams.values());
            leaks(operation, foreignId, notEchoed, "the owner's " + ownerParams);
        }
        for (Map.Entry<String, String> listing : ownerListings.entrySet()) {
            Operation operation = operations.stream().filter(o -> o.name().equals(listing.getKey())).findFirst()
                    .orElseThrow();
            HttpResponse<String> again = send(operation, url(operation, Map.of()),
                    ownerToken(byOperation.get(operation.name())));
            if (!again.body().equals(listing.getValue()) && !listing.getKey().contains("audit")) {
                failures.add(operation.name() + " changed for the owner while the other tenant called every route");
            }
        }
    }

    private String ownerToken(JaxRsRoutes.Route route) throws GeneralSecurityException {
        return tokens.token(OWNER, route.roles().iterator().next());
    }

    private void leaks(Operation operation, HttpResponse<String> response, Set<String> ownerIds, String what) {
        String body = response.body();
        if (body.contains("\"" + OWNER + "\"")) {
            failures.add(operation.name() + " showed the other tenant's name for " + what);
        }
        for (String id : ownerIds) {
            if (body.contains(id)) {
                failures.add(operation.name() + " showed the owner's id " + id + " to the other tenant for " + what);
            }
        }
    }

    /** A batch answers 200 with the rows it refused counted in {@code rejected}. */
    private static int rejectedRows(String body) {
        try {
            return JSON.readTree(body).path("rejected").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, String> ownerParams(Operation operation, Map<String, Set<String>> ownerValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            Set<String> values = ownerValues.get(name);
            if (values == null || values.isEmpty()) {
                return Map.of();
            }
            params.put(name, values.iterator().next());
        }
        return params;
    }

    private static void harvest(String body, Map<String, Set<String>> values, Set<String> ids) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        harvest(node, values, ids);
    }

    private static void harvest(JsonNode node, Map<String, Set<String>> values, Set<String> ids) {
        if (node.isArray()) {
            node.forEach(child -> harvest(child, values, ids));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    values.computeIfAbsent(field.getKey(), k -> new LinkedHashSet<>()).add(value.asText());
                    if (UUID_TEXT.matcher(value.asText()).matches()) {
                        ids.add(value.asText());
                    }
                } else {
                    harvest(value, values, ids);
                }
            }
        }
    }

    private List<Operation> operations(String document) throws IOException {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(document).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getValue().isObject() && !method.getKey().equals("parameters")) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /** The path with each parameter set from {@code given}, else to a value that names nothing. */
    private String url(Operation operation, Map<String, String> given) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.node().path("parameters")) {
            String name = parameter.path("name").asText();
            String value = given.getOrDefault(name, placeholder(parameter));
            if (parameter.path("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            } else if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return baseUrl + path + query;
    }

    private static String placeholder(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        if (parameter.has("example")) {
            return parameter.path("example").asText();
        }
        if (schema.has("examples") && schema.path("examples").size() > 0) {
            return schema.path("examples").get(0).asText();
        }
        return switch (schema.path("format").asText()) {
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "date" -> "2026-10-01";
            case "date-time" -> "2026-10-01T00:00:00Z";
            default -> schema.path("type").asText().equals("integer") ? "987654321" : "matrix-none";
        };
    }

    /** The request example an operation documents: on its JSON body, else on the body's schema (or its items). */
    private JsonNode example(Operation operation) {
        JsonNode content = operation.node().path("requestBody").path("content").path("application/json");
        if (content.has("example")) {
            return content.path("example");
        }
        Iterator<JsonNode> examples = content.path("examples").elements();
        if (examples.hasNext()) {
            return examples.next().path("value");
        }
        JsonNode schema = content.path("schema");
        if (schema.has("$ref")) {
            return schemaExample(schema.path("$ref").asText().replaceAll(".*/", ""));
        }
        if (schema.path("items").has("$ref")) {
            JsonNode item = schemaExample(schema.path("items").path("$ref").asText().replaceAll(".*/", ""));
            return item == null ? null : JSON.createArrayNode().add(item);
        }
        return null;
    }

    private JsonNode schemaExample(String name) {
        JsonNode schema = schemas.path(name);
        if (schema.has("example")) {
            return schema.path("example");
        }
        return schema.path("examples").isArray() && schema.path("examples").size() > 0
                ? schema.path("examples").get(0) : null;
    }

    private HttpResponse<String> send(Operation operation, String url, String token)
            throws IOException, InterruptedException {
        return send(operation.method(), url, example(operation), contentType(operation), token);
    }

    private HttpResponse<String> send(String method, String url, JsonNode example, String contentType, String token)
            throws IOException, InterruptedException {
        String body = example == null ? "{}" : (example.isTextual() ? example.asText() : example.toString());
        boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
        HttpRequest.BodyPublisher publisher = hasBody ? HttpRequest.BodyPublishers.ofString(body)
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (hasBody) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(Operation operation) {
        Iterator<String> types = operation.node().path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : "application/json";
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static String describe(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }

    private void count(String kind) {
        tried.merge(kind, 1, Integer::sum);
    }
}
