package io.closeloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * Sends the launcher's own logging (Kafka's broker, zonky, ours) to a file: the terminal is kept for
 * the short summary a person reads.
 */
public final class LauncherLogging {

    private LauncherLogging() {
    }

    /** Must run before anything logs, so that JUL picks the JBoss log manager. */
    static void installLogManager() {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }

    /** Also used by the end-to-end tests, whose console would otherwise carry the broker's chatter. */
    public static void toFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Logger root = LogContext.getLogContext().getLogger("");
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            FileHandler handler = new FileHandler(
                    new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{1.}] (%t) %s%e%n"),
                    file.toFile(), true);
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot log to " + file, e);
        }
    }
}
