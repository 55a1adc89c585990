package io.closeloop.reporting;

import io.closeloop.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Keeps the service's shape with the rules every service shares (see {@link ServiceArchitecture}). */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = new ServiceArchitecture("reporting-service", "io.closeloop.reporting");

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
        ARCHITECTURE.packagesImportNoFrameworkType("model", "metrics");
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
