package io.closeloop.deploy;

import java.nio.file.Path;
import java.util.List;

/** Where the repository's deployment files are, seen from this module's tests. */
final class Repo {

    static final List<String> SERVICES =
            List.of("ingest-service", "identity-service", "attribution-service", "reporting-service");

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("closeloop.repo", "..")).toAbsolutePath().normalize();
    }

    static Path chart() {
        return root().resolve("helm/closeloop");
    }

    static Path k8s() {
        return root().resolve("k8s");
    }
}
