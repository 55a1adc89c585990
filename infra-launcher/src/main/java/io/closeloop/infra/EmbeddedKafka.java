package io.closeloop.infra;

import io.closeloop.contracts.TopicSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft: broker and controller in one) running inside this JVM.
 *
 * <p>The data directory survives {@link #stop()}, so a later {@link #start()} on the same directory
 * and ports brings back every topic and record: that is how tests prove behaviour across a broker
 * outage and how the local platform keeps its data between runs.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final short REPLICATION = 1;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts the broker, formatting the storage only on first use so that restarts keep data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long began = System.nanoTime();
        Path config = writeConfig();
        if (!isFormatted()) {
            format(config);
        }
        KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(brokerProperties()), Time.SYSTEM);
        try {
            started.startup();
            awaitReady();
        } catch (RuntimeException e) {
            shutdown(started);
            throw e;
        }
        server = started;
        LOG.info("Kafka ready on {} in {} ms", bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops the broker and releases both ports; the data directory stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutdown(server);
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /**
     * Creates every topic and its dead-letter topic as the catalogue describes them. Topics that
     * already exist are left as they are: changing partition counts silently would re-shuffle keys.
     */
    public void createTopics(Collection<TopicSpec<?>> topics) {
        List<NewTopic> wanted = new ArrayList<>();
        for (TopicSpec<?> topic : topics) {
            wanted.add(newTopic(topic.name(), topic.partitions(), topic.retentionMs(),
                    topic.cleanupPolicy().brokerValue()));
            wanted.add(newTopic(topic.deadLetterTopic(), topic.partitions(),
                    TopicSpec.DEAD_LETTER_RETENTION.toMillis(), TopicSpec.CleanupPolicy.DELETE.brokerValue()));
        }
        try (Admin admin = admin()) {
            CreateTopicsResult result = admin.createTopics(wanted);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out creating topics on " + bootstrapServers(), e);
        }
    }

    private static NewTopic newTopic(String name, int partitions, long retentionMs, String cleanupPolicy) {
        return new NewTopic(name, partitions, REPLICATION).configs(Map.of(
                "retention.ms", Long.toString(retentionMs),
                "cleanup.policy", cleanupPolicy));
    }

    private Path logDir() {
        return dataDir.resolve("log");
    }

    private boolean isFormatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir().toString());
        // Topics come from the catalogue only: a typo in a topic name must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        // One node: every internal topic can have one replica only.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions: each one costs files and start-up time on a small machine.
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.num.partitions", "5");
        // Consumers in tests and local runs join alone; waiting for more members only slows them.
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(logDir());
            Path file = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                brokerProperties().store(out, "written by EmbeddedKafka on every start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka config under " + dataDir, e);
        }
    }

    private void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        // execute, not main: main calls System.exit.
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(OutputStream.nullOutputStream()));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + logDir() + " failed with " + rc);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka on " + bootstrapServers() + " not ready", e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void shutdown(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka did not shut down cleanly", e);
        }
    }
}
