package io.closeloop.identity;

import io.closeloop.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Keeps the service's shape with the rules every service shares (see {@link ServiceArchitecture}). */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = new ServiceArchitecture("identity-service", "io.closeloop.identity");

    @Test
    void layersImportOneWay() {
        ARCHITECTURE.layersImportOneWay(true);
    }

    @Test
    void servicesCallPublishersNeverInboundAdapters() {
        ARCHITECTURE.servicesCallPublishersNeverInboundAdapters();
    }

    /** Domain values are held to the same rule by {@link #domainIsPlainJavaButEntityMapping()}. */
    @Test
    void pureAlgorithmsImportNoFrameworkType() {
        ARCHITECTURE.packagesImportNoFrameworkType("matching");
    }

    @Test
    void domainIsPlainJavaButEntityMapping() {
        ARCHITECTURE.domainIsPlainJavaButEntityMapping();
    }

    @Test
    void usesNoOtherServiceAndNeverTheLauncher() {
        ARCHITECTURE.usesNoOtherServiceAndNeverTheLauncher();
    }

    @Test
    void pomDeclaresNoOtherServiceAndTheLauncherOnlyForTests() throws Exception {
        ARCHITECTURE.pomDeclaresNoOtherServiceAndTheLauncherOnlyForTests();
    }
}
