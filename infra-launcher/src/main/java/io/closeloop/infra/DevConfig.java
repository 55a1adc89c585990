package io.closeloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes, per service, the addresses of the running infrastructure as a properties file that the service's
 * {@code %dev} profile reads ({@code quarkus.config.locations}), so {@code ./mvnw -pl ingest-service quarkus:dev}
 * runs against {@code ./closeloop infra}.
 */
final class DevConfig {

    private DevConfig() {
    }

    /** @return the directory the files were written to, {@code <dir>/dev} */
    static Path write(Infrastructure infra, Path dir, Map<String, String> databasesByModule,
                      Map<String, int[]> portsByModule) {
        Path devDir = dir.resolve("dev");
        try {
            Files.createDirectories(devDir);
            for (Map.Entry<String, String> service : databasesByModule.entrySet()) {
                int[] ports = portsByModule.get(service.getKey());
                Map<String, String> config = infra.serviceConfig(service.getValue(), ports[0], ports[1]);
                String text = "# Written by ./closeloop infra for quarkus:dev; rewritten at every start.\n"
                        + config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")) + "\n";
                Files.writeString(devDir.resolve(service.getKey() + ".properties"), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev configuration to " + devDir, e);
        }
        return devDir;
    }
}
