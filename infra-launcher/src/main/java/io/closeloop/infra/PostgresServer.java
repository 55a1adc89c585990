package io.closeloop.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from zonky's Maven-packaged binaries, one server holding one database per service.
 *
 * <p>Each service gets its own login role owning its own database, and no other role may connect
 * to that database: the "no service reads another's database" rule is enforced by the server, not
 * only by convention. The data directory is kept across {@link #stop()}/{@link #start()}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final String HOST = "127.0.0.1";
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    /**
     * Superuser postgres stays passwordless so the launcher can administer without a secret; every
     * other role must prove its password, so service roles cannot borrow each other's databases.
     */
    private static final String PG_HBA = """
            # Written by io.closeloop.infra.PostgresServer on every start.
            local   all   postgres                   trust
            host    all   postgres   127.0.0.1/32    trust
            host    all   postgres   ::1/128         trust
            local   all   all                        scram-sha-256
            host    all   all        127.0.0.1/32    scram-sha-256
            host    all   all        ::1/128         scram-sha-256
            """;

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    /** A durable server: fsync and synchronous commit on. */
    public PostgresServer(Path dataDir, int port) {
        this(dataDir, port, true);
    }

    /**
     * @param durable false trades crash safety for speed (fsync, synchronous commit and full page
     *                writes off): right for tests whose data is thrown away anyway
     */
    public PostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.durable = durable;
    }

    /** Starts the server; initdb runs only when the data directory holds no cluster yet. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        long began = System.nanoTime();
        stopLeftover();
        try {
            Files.createDirectories(dataDir.getParent());
            File log = logFile().toFile();
            String onOff = durable ? "on" : "off";
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Our callers own the lifecycle (ordered shutdown: services before their database).
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setDataDirectoryCustomizer(PostgresServer::writeHba)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " (log: " + logFile() + ")", e);
        }
        LOG.info("PostgreSQL ready on {}:{} in {} ms", HOST, port, (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops the server (fast shutdown); the data directory stays. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }

    /**
     * Stops a server still running on this data directory although the JVM that started it is
     * gone (killed before it could stop it): it would hold the port and the data directory, and the
     * next start would fail. Called by {@link #start()}; returns whether there was one.
     */
    public synchronized boolean stopLeftover() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (postgres != null || !Files.isRegularFile(pidFile) || ownedByALiveJvm()) {
            return false;
        }
        Optional<ProcessHandle> postmaster = readFirstLine(pidFile)
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(dataDir.toString())).orElse(false));
        if (postmaster.isEmpty()) {
            return false; // A stale pid file only: PostgreSQL itself deals with that on start.
        }
        LOG.warn("Stopping a PostgreSQL (pid {}) left running on {}", postmaster.get().pid(), dataDir);
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: no waiting for clients that may never leave.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start().waitFor();
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
        return true;
    }

    /** zonky holds a lock on epg-lock while its JVM runs the server. */
    private boolean ownedByALiveJvm() {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameJvm) {
            return true;
        } catch (IOException e) {
            return true; // When in doubt, leave it alone.
        }
    }

    private static Optional<String> readFirstLine(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(String::trim).filter(l -> l.matches("\\d+"));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's own output (initdb, pg_ctl, postmaster). */
    public Path logFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /**
     * Creates (or brings back in line) the database {@code service} owned by the role
     * {@code service}, reachable by that role only. Safe to call on every start.
     */
    public DatabaseCoordinates createServiceDatabase(String service) {
        if (!SERVICE_NAME.matcher(service).matches()) {
            // The name goes into DDL as an identifier, which cannot be a bind parameter.
            throw new IllegalArgumentException("service name must match " + SERVICE_NAME + ": " + service);
        }
        String password = service + "-pw";
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            if (exists(c, "select 1 from pg_roles where rolname = ?", service)) {
                s.execute("alter role " + service + " with login password '" + password + "'");
            } else {
                s.execute("create role " + service + " with login password '" + password + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", service)) {
                s.execute("create database " + service + " owner " + service);
            }
            // PUBLIC may connect to any new database by default; the owner keeps its own grant.
            s.execute("revoke connect, temporary on database " + service + " from public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database for " + service, e);
        }
        return coordinates(service, password);
    }

    /** A superuser connection (no password: trust on loopback) for setup and tests. */
    public Connection superuserConnection(String database) throws SQLException {
        return connect(database, "postgres", null);
    }

    /**
     * A connection as any role. Goes through the driver's data source rather than DriverManager,
     * which refuses drivers loaded by another class loader (as in Quarkus tests).
     */
    public Connection connect(String database, String user, String password) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds.getConnection();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    private DatabaseCoordinates coordinates(String database, String password) {
        return new DatabaseCoordinates(jdbcUrl(database),
                "postgresql://" + HOST + ":" + port + "/" + database, database, password);
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void writeHba(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf", e);
        }
    }
}
