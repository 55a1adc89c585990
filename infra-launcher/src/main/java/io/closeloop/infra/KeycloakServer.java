package io.closeloop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak from the unpacked {@code keycloak-quarkus-dist}, as a child process in dev mode with the
 * checked-in {@code closeloop} realm.
 *
 * <p>It runs on the in-memory database ({@code --db=dev-mem}): every start imports the realm file
 * afresh, so the realm always matches what is checked in, nothing is shared between two instances
 * started from the same distribution, and a restart on the same ports is clean. The price is that
 * sessions, tokens and signing keys do not survive a restart (services fetch the new keys by
 * themselves on the first unknown key id).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "closeloop";
    /** Set this system property to use a Keycloak distribution from somewhere else. */
    public static final String HOME_PROPERTY = "closeloop.keycloak.home";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);
    private static final String HOST = "127.0.0.1";
    private static final String REALM_RESOURCE = "/realm/closeloop-realm.json";
    /**
     * The first start of a fresh distribution includes a one-time build (about 40 s when idle, several minutes on a
     * busy shared machine); system property {@value #READY_TIMEOUT_PROPERTY} (seconds) raises the bound.
     */
    public static final String READY_TIMEOUT_PROPERTY = "closeloop.keycloak.ready-timeout-seconds";
    private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(Long.getLong(READY_TIMEOUT_PROPERTY, 240));

    private final Path home;
    private final Path logFile;
    private final int port;
    private final int managementPort;
    private ChildProcess process;

    /** Keycloak from the distribution found by {@link #locateHome()}. */
    public KeycloakServer(Path logFile, int port, int managementPort) {
        this(locateHome(), logFile, port, managementPort);
    }

    public KeycloakServer(Path home, Path logFile, int port, int managementPort) {
        this.home = home.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
        this.managementPort = managementPort;
    }

    public void start() {
        start(DEFAULT_READY_TIMEOUT);
    }

    /** Starts Keycloak and returns once its readiness check answers. */
    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        long began = System.nanoTime();
        installRealm();
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem",
                "--import-realm",
                "--http-host=" + HOST,
                "--http-port=" + port,
                // A fixed front-end URL pins the token issuer to 127.0.0.1 whichever host name a
                // browser or client used; services validate iss against this exact string.
                "--hostname=" + baseUrl(),
                "--http-management-port=" + managementPort,
                "--health-enabled=true");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        process = ChildProcess.start("keycloak", command, env, home, logFile);
        try {
            process.awaitHttpOk("http://" + HOST + ":" + managementPort + "/health/ready", timeout);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Keycloak ready on {} in {} ms", baseUrl(), (System.nanoTime() - began) / 1_000_000);
    }

    /** Ends kc.sh and the JVM it started. */
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

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The pid of the kc.sh wrapper, for pid files. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(ChildProcess::handle);
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    /** What services put in {@code quarkus.oidc.auth-server-url}, and the tokens' {@code iss}. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    public Path home() {
        return home;
    }

    private void installRealm() {
        Path importDir = home.resolve("data/import");
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " missing from the classpath");
            }
            Files.createDirectories(importDir);
            // Written beside and moved, so that a Keycloak starting at the same moment never reads half a file.
            Path tmp = Files.createTempFile(importDir, "closeloop-realm", ".part");
            Files.copy(realm, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, importDir.resolve("closeloop-realm.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the realm into " + importDir, e);
        }
    }

    /**
     * Finds the unpacked distribution: the {@value #HOME_PROPERTY} system property; else
     * {@code keycloak/keycloak-<version>} beside the jar or classes directory of this module (that
     * is {@code infra-launcher/target/}); else the same path under {@code infra-launcher/target/}
     * of the working directory or one of its parents (for modules that use this one from the local
     * Maven repository).
     */
    public static Path locateHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured).toAbsolutePath();
            if (!isDistribution(home)) {
                throw new IllegalStateException(HOME_PROPERTY + "=" + home + " holds no bin/kc.sh");
            }
            return home;
        }
        Path relative = Path.of("keycloak", "keycloak-" + version());
        Optional<Path> besideCode = codeLocation().map(code -> code.getParent().resolve(relative));
        if (besideCode.isPresent() && isDistribution(besideCode.get())) {
            return besideCode.get();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra-launcher").resolve("target").resolve(relative);
            if (isDistribution(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Keycloak distribution " + relative + " not found beside "
                + besideCode.map(Path::toString).orElse("this module") + " nor under infra-launcher/target of "
                + Path.of("").toAbsolutePath() + " or its parents. Build it with "
                + "`./mvnw -pl infra-launcher -am package -DskipTests` or set -D" + HOME_PROPERTY + "=<dir>.");
    }

    /** The Keycloak version this module was built against. */
    public static String version() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("infra.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("keycloak.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("io/closeloop/infra/infra.properties missing from the classpath", e);
        }
    }

    private static boolean isDistribution(Path home) {
        return Files.isRegularFile(home.resolve("bin/kc.sh"));
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = KeycloakServer.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
