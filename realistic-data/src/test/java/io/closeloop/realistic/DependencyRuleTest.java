package io.closeloop.realistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The expected values must never come from a service's code: this module may use {@code contracts} and nothing
 * else of Closeloop — neither on its resolved class path nor in its compiled classes.
 */
class DependencyRuleTest {

    private static final Set<String> SERVICE_MODULES = Set.of("messaging", "service-common", "ingest-service",
            "identity-service", "attribution-service", "reporting-service", "infra-launcher", "bench", "e2e-tests");
    private static final Pattern CLOSELOOP_PACKAGE = Pattern.compile("io/closeloop/([a-z0-9_]+)/");

    @Test
    void theClassPathHoldsNoServiceModule() {
        List<String> offending = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            for (String module : SERVICE_MODULES) {
                if (normalized.contains("/" + module + "/target/") || normalized.contains("/io/closeloop/" + module + "/")) {
                    offending.add(entry);
                }
            }
        }
        assertThat(offending).as("service modules on realistic-data's class path").isEmpty();
        assertThat(System.getProperty("java.class.path")).as("contracts is the one Closeloop dependency")
                .containsAnyOf("/contracts/target/classes", "/contracts/target/contracts-", "/io/closeloop/contracts/");
    }

    @Test
    void theCompiledClassesReferenceOnlyContractsAndThisModule() throws IOException {
        Path classes = Path.of(DependencyRuleTest.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .getParent().resolve("classes");
        assertThat(classes).isDirectory();
        Set<String> referenced = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                // Class names in the constant pool are plain UTF-8 ("io/closeloop/contracts/Money").
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                Matcher m = CLOSELOOP_PACKAGE.matcher(text);
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
        }
        assertThat(referenced).as("Closeloop packages the generator and calculator use")
                .contains("realistic").isSubsetOf("contracts", "realistic");
    }
}
