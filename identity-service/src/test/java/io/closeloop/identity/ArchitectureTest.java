package io.closeloop.identity;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the service's shape: layers import one way, pure algorithms carry no framework type, and the code uses
 * no other service and never the infrastructure launcher.
 */
class ArchitectureTest {

    private static final String BASE = "io.closeloop.identity";
    private static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "io.smallrye..", "io.vertx..",
            "org.hibernate.."};
    private static final Set<String> SERVICE_MODULES = Set.of("ingest-service", "identity-service",
            "attribution-service", "reporting-service");
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void layersImportOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy(BASE + ".rest..")
                .layer("Service").definedBy(BASE + ".service..")
                .layer("Messaging").definedBy(BASE + ".messaging..")
                .layer("Repository").definedBy(BASE + ".repository..")
                .layer("Domain").definedBy(BASE + ".domain..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Messaging")
                .whereLayer("Messaging").mayOnlyBeAccessedByLayers("Service")
                // Resources may read repositories for plain queries; writes go through services.
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service", "Rest")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Rest", "Service", "Messaging", "Repository")
                .check(PRODUCTION);
    }

    @Test
    void servicesCallPublishersNeverInboundAdapters() {
        noClasses().that().resideInAPackage(BASE + ".service..")
                .should().dependOnClassesThat(resideInAPackage(BASE + ".messaging..")
                        .and(simpleNameEndingWith("Consumer")))
                .check(PRODUCTION);
    }

    @Test
    void pureAlgorithmsImportNoFrameworkType() {
        noClasses().that().resideInAnyPackage(BASE + ".domain..", BASE + ".matching..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .check(PRODUCTION);
    }

    @Test
    void usesNoOtherServiceAndNeverTheLauncher() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.closeloop..")
                        .and(not(resideInAnyPackage(BASE + "..", "io.closeloop.contracts..",
                                "io.closeloop.messaging..", "io.closeloop.common.."))))
                .check(PRODUCTION);
    }

    @Test
    void thePomDeclaresNoOtherServiceAndTheLauncherOnlyForTests() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        NodeList dependencies = project.getElementsByTagName("dependency");
        List<String> offending = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String artifact = text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            if (SERVICE_MODULES.contains(artifact)
                    || artifact.equals("infra-launcher") && !"test".equals(scope)) {
                offending.add(artifact + " (" + (scope.isEmpty() ? "compile" : scope) + ")");
            }
        }
        assertThat(offending).as("dependencies of identity-service").isEmpty();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            for (String module : SERVICE_MODULES) {
                if (!module.equals("identity-service") && (normalized.contains("/" + module + "/target/")
                        || normalized.contains("/io/closeloop/" + module + "/"))) {
                    offending.add(entry);
                }
            }
        }
        assertThat(offending).as("other services on the class path").isEmpty();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
