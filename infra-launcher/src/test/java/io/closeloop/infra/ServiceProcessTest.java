package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    static Path module;

    /** A module directory whose quarkus-run.jar starts {@link FakeService} from the test classes. */
    @BeforeAll
    static void packageFakeService() throws Exception {
        Path jar = ServiceProcess.quarkusRunJar(module);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is all it needs.
        }
    }

    @Test
    void startsWaitsForReadinessAndStops() {
        int management = Ports.freePort();
        Path log = module.resolve("ok.log");
        ServiceProcess service = new ServiceProcess("fake-service", module,
                Map.of("quarkus.http.port", "1234", "quarkus.management.port", Integer.toString(management)),
                management, log);

        service.start(Duration.ofSeconds(30));
        assertThat(service.isAlive()).isTrue();
        ProcessHandle handle = service.processHandle().orElseThrow();
        service.stop();

        assertThat(handle.isAlive()).isFalse();
        assertThat(service.isAlive()).isFalse();
        assertThat(service.readinessUrl()).isEqualTo("http://127.0.0.1:" + management + "/q/health/ready");
        assertThat(log).content().contains("http port 1234").contains("fake service stopping");
    }

    @Test
    void failsFastWithTheLogTailWhenTheServiceDies() {
        int management = Ports.freePort();
        ServiceProcess service = new ServiceProcess("dying-service", module,
                Map.of("fake.exit", "3", "quarkus.management.port", Integer.toString(management)),
                management, module.resolve("dying.log"));

        long began = System.nanoTime();
        assertThatThrownBy(() -> service.start(Duration.ofSeconds(60)))
                .hasMessageContaining("dying-service exited with 3")
                .hasMessageContaining("boom: configuration is wrong");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void refusesAModuleThatWasNotPackaged() {
        ServiceProcess service = new ServiceProcess("missing-service", module.resolve("nowhere"), Map.of(), 1,
                module.resolve("missing.log"));

        assertThatThrownBy(service::start).hasMessageContaining("quarkus-run.jar does not exist");
    }
}
