package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No image can be built here (no registry to pull the base from), so this checks what the build would do: Jib
 * (no Docker daemon), a base image pinned by digest, a non-root user and an explicit entrypoint.
 */
class ImageBuildTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "identity-service", "attribution-service", "reporting-service"})
    void imageBuildsWithJibFromAPinnedBaseAsANonRootUser(String service) throws IOException {
        String pom = Files.readString(Repo.root().resolve(service + "/pom.xml"));
        assertThat(pom).contains("<artifactId>quarkus-container-image-jib</artifactId>");

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Repo.root().resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("quarkus.jib.base-jvm-image"))
                .matches("[a-z0-9.-]+(/[a-z0-9._-]+)+(:[\\w.-]+)?@sha256:[0-9a-f]{64}");
        assertThat(properties.getProperty("quarkus.jib.user")).matches("[1-9][0-9]*");
        assertThat(properties.getProperty("quarkus.jib.jvm-entrypoint")).isNotBlank();
        assertThat(properties.getProperty("quarkus.jib.environment-variables.\"JAVA_APP_JAR\""))
                .startsWith(properties.getProperty("quarkus.jib.working-directory") + "/");
        assertThat(properties.getProperty("quarkus.container-image.name")).isEqualTo(service);
        assertThat(properties.getProperty("quarkus.container-image.build")).as("never on by default").isNull();
    }
}
