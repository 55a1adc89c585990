package io.closeloop.attribution.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The scheduled side of the data-driven models: every instance publishes the statistics of the
 * {@code touchpoints.resolved} partitions assigned to it over the latest fit period of each tenant's data
 * (stats cron, default 02:00 UTC), then the fits merge every partition's statistics (fit cron, default 02:30 UTC,
 * leaving the statistics time to arrive) and queue one restatement job per tenant. Each instance runs the fit
 * cron; fits are cheap and restatements idempotent on content (a fit that moves no credit publishes nothing
 * new), so running it on several instances only adds fit versions.
 */
@ApplicationScoped
public class FitScheduler {

    private static final Logger LOG = Logger.getLogger(FitScheduler.class);

    private final StatsService stats;
    private final FitService fits;
    private final RestatementJobs jobs;
    private final KafkaClientService kafka;

    public FitScheduler(StatsService stats, FitService fits, RestatementJobs jobs, KafkaClientService kafka) {
        this.stats = stats;
        this.jobs = jobs;
        this.fits = fits;
        this.kafka = kafka;
    }

    @Scheduled(cron = "${closeloop.attribution.stats-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> publishStatistics() {
        Instant now = Instant.now();
        return assignedPartitions().chain(partitions -> tenants().chain(tenants -> CreditRestatement.sequentially(
                tenants, tenant -> Panache.withTransaction(() -> stats.publish(tenant, partitions, now))
                        .invoke(records -> LOG.infof("published %d statistics records of %s for partitions %s",
                                records, tenant, partitions)).replaceWithVoid())));
    }

    @Scheduled(cron = "${closeloop.attribution.fit-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> fitModels() {
        Instant now = Instant.now();
        return tenants().chain(tenants -> CreditRestatement.sequentially(tenants, tenant ->
                Panache.withTransaction(() -> CreditRestatement.sequentially(ModelCatalog.DATA_DRIVEN, model ->
                                fits.fitPublished(tenant, model, now).replaceWithVoid())
                        .chain(() -> jobs.submit(tenant, RestatementJobs.FIT, null, now))).replaceWithVoid()));
    }

    /** The partitions this instance consumes; all of them when it has none assigned yet. */
    private Uni<Set<Integer>> assignedPartitions() {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer("touchpoints-resolved");
        Set<Integer> all = IntStream.range(0, PersonPartitions.COUNT).boxed().collect(Collectors.toCollection(TreeSet::new));
        if (consumer == null) {
            return Uni.createFrom().item(all);
        }
        return consumer.getAssignments().map(assigned -> {
            Set<Integer> mine = assigned.stream().map(TopicPartition::partition).collect(Collectors.toCollection(TreeSet::new));
            return mine.isEmpty() ? all : mine;
        });
    }

    private static Uni<List<String>> tenants() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select distinct tenant from conversion order by tenant", String.class)
                .getResultList()));
    }
}
