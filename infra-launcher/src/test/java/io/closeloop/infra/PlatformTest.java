package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    @TempDir
    Path repo;

    @Test
    void parsesCommandsAndOptions() {
        Platform.Arguments a = Platform.Arguments.parse(new String[] {"start", "--dir", "x", "--no-keycloak"});
        assertThat(a.command).isEqualTo("start");
        assertThat(a.dir).contains(Path.of("x"));
        assertThat(a.keycloak).isFalse();

        assertThatThrownBy(() -> Platform.Arguments.parse(new String[] {})).hasMessageContaining("no command");
        assertThatThrownBy(() -> Platform.Arguments.parse(new String[] {"up", "--dir"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Platform.Arguments.parse(new String[] {"up", "--fast"})).hasMessageContaining("unknown");
    }

    @Test
    void parsesTheSampleAndPortOptions() {
        Platform.Arguments defaults = Platform.Arguments.parse(new String[] {"up"});
        assertThat(defaults.sample).isTrue();
        assertThat(defaults.sampleContacts).isEqualTo(io.closeloop.realistic.RealisticTenantGenerator.SAMPLE_CONTACTS);
        assertThat(defaults.portBase).isZero();

        Platform.Arguments a = Platform.Arguments.parse(new String[] {"up", "--no-sample", "--port-base", "18080",
            "--sample-contacts", "300"});
        assertThat(a.sample).isFalse();
        assertThat(a.portBase).isEqualTo(18080);
        assertThat(a.sampleContacts).isEqualTo(300);

        assertThatThrownBy(() -> Platform.Arguments.parse(new String[] {"up", "--port-base", "80"}))
                .hasMessageContaining("--port-base needs a number from 1024");
        assertThatThrownBy(() -> Platform.Arguments.parse(new String[] {"up", "--sample-contacts", "many"}))
                .hasMessageContaining("not many");
    }

    @Test
    void upNamesEveryMissingServiceJarBeforeStartingAnything() throws Exception {
        Files.createDirectories(repo.resolve("ingest-service"));
        Path dir = repo.resolve(".closeloop");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int rc;
        try {
            rc = new Platform(repo, dir, new PrintStream(new ByteArrayOutputStream())).run(true, true);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(rc).isEqualTo(2);
        assertThat(err.toString())
                .contains("ingest-service/target/quarkus-app/quarkus-run.jar (module not packaged yet)")
                .contains("reporting-service/target/quarkus-app/quarkus-run.jar (module reporting-service does not exist yet)");
        assertThat(dir).doesNotExist();
    }

    @Test
    void stopWithNothingRunningSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int rc = new Platform(repo, repo.resolve(".closeloop"), new PrintStream(out, true)).stop();

        assertThat(rc).isZero();
        assertThat(out.toString()).contains("No launcher running");
    }
}
