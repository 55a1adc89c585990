package io.closeloop.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The service's database sessions carry the settings the report views were measured with. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class ReportSessionTest {

    @Inject
    Pool pool;

    @Test
    void reportReadsRunWithoutParallelWorkers() {
        String setting = pool.query("show max_parallel_workers_per_gather").execute().await().indefinitely()
                .iterator().next().getString(0);
        assertThat(setting).isEqualTo("0");
    }
}
