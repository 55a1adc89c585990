package io.closeloop.infra;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local platform from one command:
 *
 * <pre>
 * java -cp "infra-launcher/target/*:infra-launcher/target/lib/*" io.closeloop.infra.Platform start [--dir D] [--no-keycloak]   infrastructure only
 * java -cp "infra-launcher/target/*:infra-launcher/target/lib/*" io.closeloop.infra.Platform up    [--dir D] [--no-sample] [--sample-contacts N] [--port-base P]
 *                                                                                   infrastructure + the four services + the sample tenant
 * java -cp "infra-launcher/target/*:infra-launcher/target/lib/*" io.closeloop.infra.Platform stop  [--dir D]                   stops the launcher running on D
 * </pre>
 *
 * <p>{@code start} and {@code up} stay in the foreground until Ctrl-C or SIGTERM; {@code stop}
 * sends SIGTERM to the launcher found in {@code D/launcher.pid} and waits until it and everything it
 * started have ended. The default directory is {@code <repo>/.closeloop}.
 *
 * <p>{@code up} then loads the sample tenant ({@link SampleTenant}) unless {@code --no-sample}; with
 * {@code --port-base P} the services listen on P+1..P+4 (management P+1001..P+1004) or {@code up} fails.
 */
public final class Platform {

    /** The service modules {@code up} runs, with their database and preferred ports. */
    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("ingest-service", "ingest", 8081, 9081),
            new ServiceSpec("identity-service", "identity", 8082, 9082),
            new ServiceSpec("attribution-service", "attribution", 8083, 9083),
            new ServiceSpec("reporting-service", "reporting", 8084, 9084));

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    record ServiceSpec(String module, String database, int httpPort, int managementPort) {
    }

    private final Path repo;
    private final Path dir;
    private final PrintStream out;
    private final Arguments options;

    Platform(Path repo, Path dir, PrintStream out) {
        this(repo, dir, out, Arguments.parse(new String[] {"up"}));
    }

    Platform(Path repo, Path dir, PrintStream out, Arguments options) {
        this.repo = repo;
        this.dir = dir;
        this.out = out;
        this.options = options;
    }

    public static void main(String[] args) {
        LauncherLogging.installLogManager();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(2);
            return;
        }
        Path repo = arguments.repo.orElseGet(Platform::locateRepo);
        Path dir = arguments.dir.orElse(repo.resolve(".closeloop")).toAbsolutePath();
        Platform platform = new Platform(repo, dir, System.out, arguments);
        try {
            int rc = switch (arguments.command) {
                case "start" -> platform.run(false, arguments.keycloak);
                case "up" -> platform.run(true, true);
                case "stop" -> platform.stop();
                default -> throw new IllegalStateException(arguments.command);
            };
            System.exit(rc);
        } catch (RuntimeException e) {
            System.err.println("closeloop: " + e.getMessage());
            System.err.println("(details in " + dir.resolve("logs/launcher.log") + ")");
            org.slf4j.LoggerFactory.getLogger(Platform.class).error("launcher failed", e);
            System.exit(1);
        }
    }

    /** Starts everything and blocks until the JVM is asked to end. */
    int run(boolean withServices, boolean withKeycloak) {
        Optional<ProcessHandle> other = PidFile.read(pidFile());
        if (other.isPresent()) {
            throw new IllegalStateException("a launcher (pid " + other.get().pid() + ") already runs on " + dir
                    + "; stop it with `./closeloop stop`");
        }
        if (withServices) {
            List<String> missing = missingServiceJars();
            if (!missing.isEmpty()) {
                System.err.println("closeloop: cannot start the services, these jars are missing:");
                missing.forEach(m -> System.err.println("  " + m));
                System.err.println("Build them (./mvnw -B -DskipTests install) or run the infrastructure alone: "
                        + "./closeloop infra");
                return 2;
            }
        }
        killLeftovers();
        LauncherLogging.toFile(dir.resolve("logs/launcher.log"));
        PidFile.write(pidFile(), ProcessHandle.current());
        out.println("Starting Closeloop infrastructure in " + dir + " ...");
        long began = System.nanoTime();
        Infrastructure infra;
        try {
            infra = Infrastructure.start(dir, withKeycloak);
        } catch (RuntimeException e) {
            PidFile.delete(pidFile());
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping Closeloop ...");
            infra.stop();
            deleteQuietly(childrenFile());
            PidFile.delete(pidFile());
        }, "closeloop-launcher-shutdown"));
        Map<String, String> databases = new LinkedHashMap<>();
        Map<String, int[]> ports = new LinkedHashMap<>();
        SERVICES.forEach(spec -> {
            databases.put(spec.module(), spec.database());
            ports.put(spec.module(), new int[] {spec.httpPort(), spec.managementPort()});
        });
        out.println("Addresses for quarkus:dev written to " + DevConfig.write(infra, dir, databases, ports));
        List<ServiceProcess> services = new ArrayList<>();
        if (withServices) {
            for (int i = 0; i < SERVICES.size(); i++) {
                ServiceSpec spec = SERVICES.get(i);
                out.println("Starting " + spec.module() + " ...");
                services.add(infra.startService(spec.module(), repo.resolve(spec.module()), spec.database(),
                        port(infra, spec.module() + ".http", spec.httpPort(), 1 + i),
                        port(infra, spec.module() + ".management", spec.managementPort(), 1001 + i)));
            }
        }
        recordChildren(infra, services);
        new Summary(out).print(infra, services, Duration.ofNanos(System.nanoTime() - began));
        if (withServices && options.sample) {
            new SampleTenant(out, options.sampleContacts).loadAndReport(infra, services);
        }
        awaitShutdown();
        return 0;
    }

    /** Asks the launcher on {@link #dir} to stop, waits for it, and ends anything it left behind. */
    int stop() {
        if (Files.isDirectory(dir)) {
            LauncherLogging.toFile(dir.resolve("logs/launcher.log"));
        }
        Optional<ProcessHandle> launcher = PidFile.read(pidFile());
        if (launcher.isEmpty()) {
            out.println("No launcher running on " + dir + ".");
        } else {
            ProcessHandle handle = launcher.get();
            out.println("Stopping the launcher (pid " + handle.pid() + ") ...");
            handle.destroy();
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("It did not end within " + STOP_TIMEOUT.toSeconds() + " s; killing it.");
                handle.destroyForcibly();
            }
        }
        int leftovers = killLeftovers();
        if (new PostgresServer(dir.resolve("postgres"), 0).stopLeftover()) {
            leftovers++;
        }
        if (leftovers > 0) {
            out.println("Ended " + leftovers + " process(es) a killed launcher had left behind.");
        }
        PidFile.delete(pidFile());
        out.println("Stopped.");
        return 0;
    }

    /** The preferred (or recorded) port, or exactly {@code --port-base} plus {@code offset} when given. */
    private int port(Infrastructure infra, String name, int preferred, int offset) {
        return options.portBase > 0 ? infra.claimExactPort(name, options.portBase + offset)
                : infra.claimPort(name, preferred);
    }

    private List<String> missingServiceJars() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : SERVICES) {
            Path jar = ServiceProcess.quarkusRunJar(repo.resolve(spec.module()));
            if (!Files.isRegularFile(jar)) {
                missing.add(repo.relativize(jar) + (Files.isDirectory(repo.resolve(spec.module()))
                        ? " (module not packaged yet)" : " (module " + spec.module() + " does not exist yet)"));
            }
        }
        return missing;
    }

    /**
     * Remembers every child process (including the JVM that kc.sh starts) so that a later
     * {@code stop} can end them even if this launcher was killed without running its shutdown hook.
     */
    private void recordChildren(Infrastructure infra, List<ServiceProcess> services) {
        List<ProcessHandle> children = new ArrayList<>();
        infra.keycloakIfStarted().flatMap(KeycloakServer::processHandle).ifPresent(children::add);
        services.forEach(s -> s.processHandle().ifPresent(children::add));
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle child : children) {
            all.add(child);
            child.descendants().forEach(all::add);
        }
        StringBuilder lines = new StringBuilder();
        for (ProcessHandle p : all) {
            lines.append(p.pid()).append(' ')
                    .append(p.info().startInstant().map(Object::toString).orElse("")).append('\n');
        }
        try {
            Files.writeString(childrenFile(), lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int killLeftovers() {
        Path file = childrenFile();
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int killed = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                Path one = Files.createTempFile(dir, "pid", ".tmp");
                Files.writeString(one, line);
                Optional<ProcessHandle> leftover = PidFile.read(one);
                Files.delete(one);
                if (leftover.isPresent()) {
                    ChildProcess.stopTree(leftover.get(), Duration.ofSeconds(15));
                    killed++;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        deleteQuietly(file);
        return killed;
    }

    private Path pidFile() {
        return dir.resolve("launcher.pid");
    }

    private Path childrenFile() {
        return dir.resolve("children.pids");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // Harmless: killLeftovers checks start times before it signals anything.
        }
    }

    private static void awaitShutdown() {
        try {
            // The shutdown hook does the work; this thread only keeps the JVM in the foreground.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The repository root: {@code -Dcloseloop.repo}, else three levels above this jar
     * ({@code <repo>/infra-launcher/target/infra-launcher.jar}), else the working directory.
     */
    static Path locateRepo() {
        String configured = System.getProperty("closeloop.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            var source = Platform.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path code = Path.of(source.getLocation().toURI()).toAbsolutePath();
                Path module = code.getParent().getParent();
                if (module != null && module.getFileName().toString().equals("infra-launcher")) {
                    return module.getParent();
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall through to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }

    /** The command line, parsed. */
    static final class Arguments {

        static final String USAGE = "usage: closeloop-launcher start|up|stop [--dir <dir>] [--repo <repo>] "
                + "[--no-keycloak (start only)] [--no-sample] [--sample-contacts <n>] [--port-base <port>] (up only)";

        String command;
        Optional<Path> dir = Optional.empty();
        Optional<Path> repo = Optional.empty();
        boolean keycloak = true;
        boolean sample = true;
        int sampleContacts = io.closeloop.realistic.RealisticTenantGenerator.SAMPLE_CONTACTS;
        int portBase;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "start", "up", "stop" -> {
                        if (a.command != null) {
                            throw new IllegalArgumentException("more than one command: " + a.command + ", " + args[i]);
                        }
                        a.command = args[i];
                    }
                    case "--dir" -> a.dir = Optional.of(Path.of(value(args, ++i, "--dir")));
                    case "--repo" -> a.repo = Optional.of(Path.of(value(args, ++i, "--repo")).toAbsolutePath());
                    case "--no-keycloak" -> a.keycloak = false;
                    case "--no-sample" -> a.sample = false;
                    case "--sample-contacts" -> a.sampleContacts = number(args, ++i, "--sample-contacts", 20, 100_000);
                    case "--port-base" -> a.portBase = number(args, ++i, "--port-base", 1024, 64_000 - 1010);
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (a.command == null) {
                throw new IllegalArgumentException("no command given");
            }
            return a;
        }

        private static int number(String[] args, int i, String option, int min, int max) {
            String value = value(args, i, option);
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Answered below.
            }
            throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", not " + value);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
