package io.closeloop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Loopback ports by name, remembered in a properties file so that a restart on the same directory
 * gets the same ports (and clients configured with them keep working).
 */
final class Ports {

    private final Path file;
    private final Properties recorded = new Properties();
    private final Set<Integer> claimed = new HashSet<>();

    private Ports(Path file) {
        this.file = file;
    }

    static Ports load(Path file) {
        Ports ports = new Ports(file);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                ports.recorded.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return ports;
    }

    /** The recorded port for {@code name} if it is still free, else any free port; then recorded. */
    synchronized int claim(String name) {
        return claim(name, 0);
    }

    /**
     * Like {@link #claim(String)}, trying {@code preferred} (if not 0) before a random free port when
     * nothing usable is recorded.
     */
    synchronized int claim(String name, int preferred) {
        int port = usable(recordedPort(name)) ? recordedPort(name)
                : usable(preferred) ? preferred
                : randomFree();
        claimed.add(port);
        recorded.setProperty(name, Integer.toString(port));
        save();
        return port;
    }

    /** Exactly {@code port}, recorded under {@code name}; fails when something else listens there. */
    synchronized int claimExact(String name, int port) {
        if (claimed.contains(port) || !isFree(port)) {
            throw new IllegalStateException("port " + port + " (" + name + ") is in use; choose another --port-base");
        }
        claimed.add(port);
        recorded.setProperty(name, Integer.toString(port));
        save();
        return port;
    }

    private int recordedPort(String name) {
        String value = recorded.getProperty(name);
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean usable(int port) {
        return port > 0 && !claimed.contains(port) && isFree(port);
    }

    private int randomFree() {
        for (int i = 0; i < 50; i++) {
            int port = freePort();
            if (!claimed.contains(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found");
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                recorded.store(out, "Ports of the local Closeloop infrastructure, reused on restart");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A port nobody listens on right now (the usual race applies until someone binds it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same option the servers use, so a port in TIME_WAIT after our own restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
