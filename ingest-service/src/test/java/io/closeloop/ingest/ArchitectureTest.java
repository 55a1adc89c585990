package io.closeloop.ingest;

import io.closeloop.infra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Keeps the service's shape with the rules every service shares (see {@link ServiceArchitecture}). */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = new ServiceArchitecture("ingest-service", "io.closeloop.ingest");

    @Test
    void layersImportOneWay() {
        ARCHITECTURE.layersImportOneWay(false);
    }

    @Test
    void servicesCallPublishersNeverInboundAdapters() {
        ARCHITECTURE.servicesCallPublishersNeverInboundAdapters();
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
