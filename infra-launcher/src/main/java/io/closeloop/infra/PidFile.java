package io.closeloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process id with its start time: a pid alone may belong to an unrelated process by the time
 * someone reads the file, and signalling that one would be a bad surprise.
 */
final class PidFile {

    private PidFile() {
    }

    static void write(Path file, ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The process the file names, if it is still the same process and alive. */
    static Optional<ProcessHandle> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
            String recorded = parts.length > 1 ? parts[1] : "";
            return handle.filter(ProcessHandle::isAlive).filter(h -> recorded.isEmpty()
                    || h.info().startInstant().map(Instant::toString).map(recorded::equals).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale pid file is harmless: read() checks the process is still the same.
        }
    }
}
