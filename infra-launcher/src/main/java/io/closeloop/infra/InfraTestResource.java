package io.closeloop.infra;

import io.closeloop.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Real Kafka and PostgreSQL for a service's {@code @QuarkusTest}s, inside the test JVM:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
 * }</pre>
 *
 * <p>The broker (with every catalogue topic) and the database server start once per JVM and are
 * shared by all test classes; a JVM shutdown hook stops them and deletes their data, so Quarkus
 * restarting the application between test classes costs nothing. PostgreSQL runs with fsync off.
 * A test may stop and start the broker through {@link #kafka()} to prove behaviour while it is down;
 * the next {@link #start()} brings it back if a test left it stopped.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_ARG = "service";

    private static Shared shared;

    private String service = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault(SERVICE_ARG, service);
    }

    @Override
    public Map<String, String> start() {
        Shared infra = shared();
        if (!infra.kafka.isRunning()) {
            infra.kafka.start();
        }
        DatabaseCoordinates db = infra.database(service);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        for (String category : Shared.QUIET) {
            config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared with the next test class; the shutdown hook ends it with the JVM.
    }

    /** The shared broker; starts it if no test resource has yet. */
    public static EmbeddedKafka kafka() {
        return shared().kafka;
    }

    /** The database of {@code service} on the shared server, e.g. to look at what a test stored. */
    public static DatabaseCoordinates database(String service) {
        return shared().database(service);
    }

    /** The shared database server; starts it if no test resource has yet. */
    public static PostgresServer postgres() {
        return shared().postgres;
    }

    private static synchronized Shared shared() {
        if (shared == null) {
            shared = Shared.start(Path.of("target", "test-infra").toAbsolutePath());
        }
        return shared;
    }

    /** The infrastructure behind every instance of this resource in one class loader. */
    private static final class Shared {

        /** The broker's and PostgreSQL's own chatter, which drowns the service's test output. */
        static final String[] QUIET = {"kafka", "org.apache.kafka.server", "org.apache.kafka.raft",
            "org.apache.kafka.controller", "org.apache.kafka.image", "org.apache.kafka.metadata",
            "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
            "org.apache.kafka.snapshot", "org.apache.kafka.security", "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.utils", "state.change.logger", "io.zonky"};
        /** Strong references: JUL forgets levels set on loggers that are garbage-collected. */
        private static final Map<String, java.util.logging.Logger> QUIETED = new ConcurrentHashMap<>();

        final Path dir;
        final EmbeddedKafka kafka;
        final PostgresServer postgres;
        private final Map<String, DatabaseCoordinates> databases = new ConcurrentHashMap<>();

        private Shared(Path dir) {
            this.dir = dir;
            this.kafka = new EmbeddedKafka(dir.resolve("kafka"), Ports.freePort(), Ports.freePort());
            this.postgres = new PostgresServer(dir.resolve("postgres"), Ports.freePort(), false);
        }

        static Shared start(Path parent) {
            quietLogging();
            deleteStale(parent);
            // Per JVM and instance: a second class loader (Quarkus may use several) must not share files.
            Path dir = parent.resolve(ProcessHandle.current().pid() + "-" + System.nanoTime());
            Shared infra = new Shared(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stopAndDelete, "closeloop-test-infra-shutdown"));
            infra.kafka.start();
            infra.kafka.createTopics(Topics.all());
            infra.postgres.start();
            return infra;
        }

        DatabaseCoordinates database(String service) {
            return databases.computeIfAbsent(service, postgres::createServiceDatabase);
        }

        private void stopAndDelete() {
            kafka.stop();
            postgres.stop();
            deleteTree(dir);
        }

        private static void quietLogging() {
            for (String category : QUIET) {
                QUIETED.computeIfAbsent(category, java.util.logging.Logger::getLogger).setLevel(Level.WARNING);
            }
        }

        /** Directories left by JVMs that were killed before their shutdown hook could run. */
        private static void deleteStale(Path parent) {
            if (!Files.isDirectory(parent)) {
                return;
            }
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.filter(d -> !ownerAlive(d)).forEach(Shared::deleteTree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean ownerAlive(Path dir) {
            String name = dir.getFileName().toString();
            int dash = name.indexOf('-');
            try {
                long pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static void deleteTree(Path root) {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Best effort: target/ is cleaned by the build anyway.
            }
        }
    }
}
