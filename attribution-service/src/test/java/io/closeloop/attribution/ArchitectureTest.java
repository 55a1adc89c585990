package io.closeloop.attribution;

import io.closeloop.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Keeps the service's shape with the rules every service shares (see {@link ServiceArchitecture}). */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = new ServiceArchitecture("attribution-service", "io.closeloop.attribution");

    @Test
    void layersImportOneWay() {
        ARCHITECTURE.layersImportOneWay(true);
    }

    @Test
    void servicesCallPublishersNeverInboundAdapters() {
        ARCHITECTURE.servicesCallPublishersNeverInboundAdapters();
    }

    @Test
    void pureAlgorithmsImportNoFrameworkType() {
        ARCHITECTURE.packagesImportNoFrameworkType("model", "incrementality");
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
