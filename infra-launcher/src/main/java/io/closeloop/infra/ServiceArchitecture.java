package io.closeloop.infra;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The package rules every service keeps, written once: each service's {@code ArchitectureTest} names its module and
 * base package and calls these. Layers import one way ({@code rest → service → repository/domain}; inbound
 * {@code messaging} adapters call services, services call outbound publishers), pure packages carry no framework
 * type, entities use only their mapping, and a service uses no other service and never this launcher.
 */
public final class ServiceArchitecture {

    private static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "io.smallrye..", "io.vertx..",
            "org.hibernate..", "org.eclipse.microprofile..", "io.agroal..", "org.apache.kafka.."};
    /** What a JPA entity needs to be mapped and read through Panache; nothing else of a framework. */
    private static final String[] ENTITY_MAPPING = {"jakarta.persistence..", "org.hibernate.annotations..",
            "io.quarkus.hibernate.reactive.panache.."};
    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final Set<String> SERVICE_MODULES = Set.of("ingest-service", "identity-service",
            "attribution-service", "reporting-service");

    private final String module;
    private final String base;
    private final JavaClasses production;

    public ServiceArchitecture(String module, String base) {
        this.module = module;
        this.base = base;
        this.production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    /** @param resourcesMayReadRepositories plain reads straight from a resource; writes always go through services */
    public void layersImportOneWay(boolean resourcesMayReadRepositories) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy(base + ".rest..")
                .layer("Service").definedBy(base + ".service..")
                .layer("Messaging").definedBy(base + ".messaging..")
                .layer("Repository").definedBy(base + ".repository..")
                .layer("Domain").definedBy(base + ".domain..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Messaging")
                .whereLayer("Messaging").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Rest", "Service", "Messaging", "Repository");
        layers = resourcesMayReadRepositories
                ? layers.whereLayer("Repository").mayOnlyBeAccessedByLayers("Service", "Rest")
                : layers.whereLayer("Repository").mayOnlyBeAccessedByLayers("Service");
        layers.check(production);
    }

    public void servicesCallPublishersNeverInboundAdapters() {
        noClasses().that().resideInAPackage(base + ".service..")
                .should().dependOnClassesThat(resideInAPackage(base + ".messaging..")
                        .and(simpleNameEndingWith("Consumer")))
                .check(production);
    }

    /** @param packages sub-packages of pure algorithms, e.g. {@code "model"} */
    public void packagesImportNoFrameworkType(String... packages) {
        String[] patterns = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            patterns[i] = base + "." + packages[i] + "..";
        }
        noClasses().that().resideInAnyPackage(patterns)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .check(production);
    }

    /** Domain values are plain Java; an entity living there may map itself and do nothing else of a framework. */
    public void domainIsPlainJavaButEntityMapping() {
        noClasses().that().resideInAPackage(base + ".domain..").and().areNotAnnotatedWith(ENTITY)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .check(production);
        noClasses().that().resideInAPackage(base + ".domain..").and().areAnnotatedWith(ENTITY)
                .should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS).and(not(resideInAnyPackage(ENTITY_MAPPING))))
                .allowEmptyShould(true)
                .check(production);
    }

    public void usesNoOtherServiceAndNeverTheLauncher() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.closeloop..")
                        .and(not(resideInAnyPackage(base + "..", "io.closeloop.contracts..",
                                "io.closeloop.messaging..", "io.closeloop.common.."))))
                .because("services talk only over Kafka, and infra-launcher starts infrastructure for tests only")
                .check(production);
    }

    /** Read from the module's own {@code pom.xml} and test class path (the working directory of its tests). */
    public void pomDeclaresNoOtherServiceAndTheLauncherOnlyForTests() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        NodeList dependencies = project.getElementsByTagName("dependency");
        List<String> offending = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String artifact = text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            if (SERVICE_MODULES.contains(artifact) || artifact.equals("infra-launcher") && !"test".equals(scope)) {
                offending.add(artifact + " (" + (scope.isEmpty() ? "compile" : scope) + ")");
            }
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            for (String other : SERVICE_MODULES) {
                if (!other.equals(module) && (normalized.contains("/" + other + "/target/")
                        || normalized.contains("/io/closeloop/" + other + "/"))) {
                    offending.add(entry);
                }
            }
        }
        if (!offending.isEmpty()) {
            throw new AssertionError(module + " depends on another service or on the launcher outside tests: "
                    + offending);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
