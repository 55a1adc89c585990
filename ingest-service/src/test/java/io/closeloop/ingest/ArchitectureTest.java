package io.closeloop.ingest;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The house rules of ingest's packages, checked on its production classes: layers import one way, the domain
 * stays plain Java, and nothing reaches for the test infrastructure.
 */
class ArchitectureTest {

    private static final String REST = "io.closeloop.ingest.rest..";
    private static final String SERVICE = "io.closeloop.ingest.service..";
    private static final String MESSAGING = "io.closeloop.ingest.messaging..";
    private static final String REPOSITORY = "io.closeloop.ingest.repository..";
    private static final String DOMAIN = "io.closeloop.ingest.domain..";

    private static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "io.smallrye..", "io.vertx..",
            "org.hibernate..", "org.eclipse.microprofile..", "io.agroal..", "org.apache.kafka.."};

    /** What a JPA entity needs to be mapped and read through Panache; nothing else of a framework. */
    private static final String[] ENTITY_MAPPING = {"jakarta.persistence..", "io.quarkus.hibernate.reactive.panache.."};

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.closeloop.ingest");

    @Test
    void layersImportOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(REST)
                .layer("service").definedBy(SERVICE)
                .layer("messaging").definedBy(MESSAGING)
                .layer("repository").definedBy(REPOSITORY)
                .layer("domain").definedBy(DOMAIN)
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                // Inbound adapters call services; services call the outbound publishers.
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "messaging")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("service")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "messaging", "repository")
                .check(PRODUCTION);
    }

    @Test
    void serviceNeverImportsRest() {
        noClasses().that().resideInAPackage(SERVICE)
                .should().dependOnClassesThat().resideInAPackage(REST)
                .because("what a service consumes and returns lives in the service layer")
                .check(PRODUCTION);
    }

    @Test
    void messagingNeverImportsRest() {
        noClasses().that().resideInAPackage(MESSAGING)
                .should().dependOnClassesThat().resideInAPackage(REST)
                .check(PRODUCTION);
    }

    @Test
    void domainImportsNoOtherLayer() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(REST, SERVICE, REPOSITORY, MESSAGING)
                .check(PRODUCTION);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage(DOMAIN).and().areNotAnnotatedWith(Entity.class)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("normalization, classification and the other domain rules are plain Java")
                .check(PRODUCTION);
    }

    /** The tenant settings entity lives with the values it holds; it may map itself, and do nothing else. */
    @Test
    void domainEntitiesUseOnlyTheirMapping() {
        noClasses().that().resideInAPackage(DOMAIN).and().areAnnotatedWith(Entity.class)
                .should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS).and(not(resideInAnyPackage(ENTITY_MAPPING))))
                .check(PRODUCTION);
    }

    @Test
    void productionNeverUsesTheTestInfrastructure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.closeloop.infra..", "io.closeloop.launcher..")
                .because("infra-launcher starts Kafka, PostgreSQL and Keycloak for tests only")
                .check(PRODUCTION);
    }
}
