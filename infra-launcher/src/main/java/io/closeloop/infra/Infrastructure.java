package io.closeloop.infra;

import io.closeloop.contracts.Topics;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the services need, started together under one directory: Kafka with the whole topic
 * catalogue, PostgreSQL with one database per service, and optionally Keycloak with the realm.
 *
 * <p>Layout of the directory: {@code ports.properties} (reused on restart), {@code kafka/},
 * {@code postgres/} (+ {@code postgres.log}), {@code logs/} (Keycloak and services).
 * {@link #stop()} ends everything in reverse order; a JVM shutdown hook does the same if nobody
 * called it.
 */
public final class Infrastructure implements AutoCloseable {

    /** The services, each with a database and role of the same name. */
    public static final List<String> SERVICES = List.of("ingest", "identity", "attribution", "reporting");

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

    private final Path dir;
    private final Ports ports;
    private final EmbeddedKafka kafka;
    private final PostgresServer postgres;
    private final KeycloakServer keycloak;
    private final Map<String, DatabaseCoordinates> databases = new LinkedHashMap<>();
    /** What is running, newest first, so that stop() undoes start() in reverse. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::stop, "closeloop-infrastructure-shutdown");

    private Infrastructure(Path dir, boolean withKeycloak, boolean durable) {
        this.dir = dir.toAbsolutePath();
        this.ports = Ports.load(this.dir.resolve("ports.properties"));
        this.kafka = new EmbeddedKafka(this.dir.resolve("kafka"), ports.claim("kafka"), ports.claim("kafka.controller"));
        this.postgres = new PostgresServer(this.dir.resolve("postgres"), ports.claim("postgres"), durable);
        this.keycloak = withKeycloak
                ? new KeycloakServer(this.dir.resolve("logs/keycloak.log"), ports.claim("keycloak"),
                        ports.claim("keycloak.management"))
                : null;
    }

    /** Durable infrastructure (PostgreSQL with fsync): for local runs. */
    public static Infrastructure start(Path dir, boolean withKeycloak) {
        return start(dir, withKeycloak, true);
    }

    /**
     * @param durable false turns PostgreSQL's fsync off: faster, right for tests that throw the data away
     */
    public static Infrastructure start(Path dir, boolean withKeycloak, boolean durable) {
        // A server orphaned by a killed JVM still holds its port: end it before ports are chosen,
        // so the recorded port is free again and stays the same.
        new PostgresServer(dir.toAbsolutePath().resolve("postgres"), 0).stopLeftover();
        Infrastructure infra = new Infrastructure(dir, withKeycloak, durable);
        infra.startAll();
        return infra;
    }

    private void startAll() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long began = System.nanoTime();
        try {
            // Keycloak is by far the slowest and runs in its own process: let it boot meanwhile.
            // It is registered first so that a failure below also ends it (stop waits for start).
            CompletableFuture<Void> keycloakStarted = CompletableFuture.completedFuture(null);
            if (keycloak != null) {
                running.push(keycloak);
                keycloakStarted = CompletableFuture.runAsync(keycloak::start);
            }
            kafka.start();
            running.push(kafka);
            kafka.createTopics(Topics.all());
            postgres.start();
            running.push(postgres);
            for (String service : SERVICES) {
                databases.put(service, postgres.createServiceDatabase(service));
            }
            keycloakStarted.join();
        } catch (RuntimeException e) {
            stop();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LOG.info("Infrastructure ready in {} ms under {}", (System.nanoTime() - began) / 1_000_000, dir);
    }

    /**
     * Starts a packaged service against this infrastructure; it is stopped before the
     * infrastructure itself on {@link #stop()}.
     *
     * @param database the service's database, one of {@link #SERVICES}
     */
    public synchronized ServiceProcess startService(String name, Path moduleDir, String database, int httpPort,
                                                    int managementPort) {
        return startService(name, moduleDir, database, httpPort, managementPort, Map.of());
    }

    /** As {@link #startService(String, Path, String, int, int)}, with more system properties (they win). */
    public synchronized ServiceProcess startService(String name, Path moduleDir, String database, int httpPort,
                                                    int managementPort, Map<String, String> extra) {
        Map<String, String> config = serviceConfig(database, httpPort, managementPort);
        config.putAll(extra);
        ServiceProcess service = new ServiceProcess(name, moduleDir, config, managementPort,
                dir.resolve("logs").resolve(name + ".log"));
        running.push(service);
        service.start();
        return service;
    }

    /**
     * Stops everything started here, newest first. Services started last are independent of each other, so
     * they stop side by side: each one's graceful shutdown (consumer groups leaving, relays draining) then
     * costs the longest of them, not their sum. Safe to call more than once.
     */
    public synchronized void stop() {
        List<Thread> stopping = new ArrayList<>();
        while (running.peek() instanceof ServiceProcess service) {
            running.pop();
            Thread thread = new Thread(() -> closeQuietly(service), "stop-" + service);
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (!running.isEmpty()) {
            closeQuietly(running.pop());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // We are the hook, or the JVM is going down anyway.
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The system properties a packaged Quarkus service needs to run against this infrastructure.
     *
     * @param service its database name, one of {@link #SERVICES}
     */
    public Map<String, String> serviceConfig(String service, int httpPort, int managementPort) {
        DatabaseCoordinates db = database(service);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", Integer.toString(httpPort));
        config.put("quarkus.management.host", "127.0.0.1");
        config.put("quarkus.management.port", Integer.toString(managementPort));
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        if (keycloak != null) {
            config.put("quarkus.oidc.auth-server-url", keycloak.issuerUrl());
        }
        return config;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** @throws IllegalStateException if this infrastructure was started without Keycloak */
    public KeycloakServer keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("started without Keycloak");
        }
        return keycloak;
    }

    public Optional<KeycloakServer> keycloakIfStarted() {
        return Optional.ofNullable(keycloak);
    }

    public DatabaseCoordinates database(String service) {
        DatabaseCoordinates db = databases.get(service);
        if (db == null) {
            throw new IllegalArgumentException("no database for " + service + "; known: " + databases.keySet());
        }
        return db;
    }

    public Path dir() {
        return dir;
    }

    /**
     * A loopback port for something else that runs beside this infrastructure (a service), taken
     * from {@code ports.properties} when recorded there and free, else {@code preferred} if free,
     * else any free port; then recorded under {@code name}.
     */
    public int claimPort(String name, int preferred) {
        return ports.claim(name, preferred);
    }

    /** Exactly {@code port} for something beside this infrastructure, recorded under {@code name}; fails if taken. */
    public int claimExactPort(String name, int port) {
        return ports.claimExact(name, port);
    }

    /** Any free loopback port, for tests. */
    public static int freePort() {
        return Ports.freePort();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("could not stop {}", resource, e);
        }
    }
}
