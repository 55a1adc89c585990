package io.closeloop.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as it
 * would run in production: configuration by system properties, readiness from the management
 * interface's {@code /q/health/ready}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Raise with system property {@code closeloop.service.ready-timeout-seconds} on a busy machine. */
    public static final Duration DEFAULT_READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("closeloop.service.ready-timeout-seconds", 300));
    private static final String HOST = "127.0.0.1";

    private final String name;
    private final Path jar;
    private final Map<String, String> systemProperties;
    private final int managementPort;
    private final Path logFile;
    private final List<String> jvmOptions;
    private ChildProcess process;

    /**
     * @param name             for messages and the process list, e.g. {@code ingest-service}
     * @param moduleDir        the service's Maven module; its jar is {@link #quarkusRunJar(Path)}
     * @param systemProperties passed as {@code -Dkey=value}, e.g. {@link Infrastructure#serviceConfig}
     * @param managementPort   where {@code /q/health/ready} answers ({@code quarkus.management.port})
     * @param logFile          the service's stdout and stderr
     */
    public ServiceProcess(String name, Path moduleDir, Map<String, String> systemProperties, int managementPort,
                          Path logFile) {
        this(name, moduleDir, systemProperties, managementPort, logFile, List.of("-Xmx256m"));
    }

    /** @param jvmOptions e.g. a smaller heap ({@code -Xmx64m}) for a test that proves bounded memory */
    public ServiceProcess(String name, Path moduleDir, Map<String, String> systemProperties, int managementPort,
                          Path logFile, List<String> jvmOptions) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = quarkusRunJar(moduleDir).toAbsolutePath();
        this.systemProperties = new TreeMap<>(systemProperties);
        this.managementPort = managementPort;
        this.logFile = logFile.toAbsolutePath();
    }

    public static Path quarkusRunJar(Path moduleDir) {
        return moduleDir.resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public void start() {
        start(DEFAULT_READY_TIMEOUT);
    }

    /** Starts the JVM and returns once the service reports ready; fails fast if it dies first. */
    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist; build the module first");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        process = ChildProcess.start(name, command, Map.of(), jar.getParent(), logFile);
        try {
            process.awaitHttpOk(readinessUrl(), timeout);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL if it is still there after 15 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.stop();
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(ChildProcess::handle);
    }

    public String name() {
        return name;
    }

    public Path jar() {
        return jar;
    }

    public Map<String, String> systemProperties() {
        return java.util.Collections.unmodifiableMap(systemProperties);
    }

    public int managementPort() {
        return managementPort;
    }

    public String readinessUrl() {
        return "http://" + HOST + ":" + managementPort + "/q/health/ready";
    }

    public Path logFile() {
        return logFile;
    }
}
