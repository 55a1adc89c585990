package io.closeloop.attribution.service;

import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.RestatementJob;
import io.closeloop.attribution.repository.PersonLock;
import io.closeloop.attribution.repository.RestatementJobRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Restatements as jobs: a fit or a settings change only queues one (in its own transaction, so the job exists
 * exactly when the change does); every instance polls for queued jobs and runs one at a time in batches of
 * {@code restatement-batch-size} conversions, each batch one transaction that also advances the job's cursor.
 * A crash therefore loses at most the batch in flight, which rolls back whole; a job whose runner stopped
 * committing is taken over and resumes after its last committed batch. Recrediting is idempotent — a credit
 * set is only re-published when its content changed — so running a conversion twice is harmless.
 */
@ApplicationScoped
public class RestatementJobs {

    public static final String FIT = "fit";
    public static final String SETTINGS = "settings";
    private static final Logger LOG = Logger.getLogger(RestatementJobs.class);
    private static final int MAX_ERROR = 1000;

    private final RestatementJobRepository jobs;
    private final ModelCatalog catalog;
    private final CreditRestatement journeys;
    private final PersonLock personLock;
    private final AttributionConfig config;

    public RestatementJobs(RestatementJobRepository jobs, ModelCatalog catalog, CreditRestatement journeys,
                           PersonLock personLock, AttributionConfig config) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.journeys = journeys;
        this.personLock = personLock;
        this.config = config;
    }

    /**
     * Queues a restatement of all of the tenant's conversions; runs in the caller's transaction. A job of the
     * same kind that has not started yet is reused: it will credit under whatever is current when it runs.
     */
    public Uni<RestatementJob> submit(String tenant, String kind, String modelId, Instant now) {
        return jobs.queued(tenant, kind).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            RestatementJob job = new RestatementJob();
            job.id = UUID.randomUUID();
            job.tenant = tenant;
            job.kind = kind;
            job.modelId = modelId;
            job.state = RestatementJob.QUEUED;
            job.createdAt = now;
            return jobs.persist(job);
        });
    }

    /** Runs the queued (or abandoned) jobs one after another until none is left. */
    @Scheduled(every = "${closeloop.attribution.restatement-poll}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> runPending() {
        return Multi.createBy().repeating().uni(this::runOne).whilst(ran -> ran)
                .collect().last().replaceWithVoid();
    }

    /** Claims one job and runs it to its end; false when there was none. */
    Uni<Boolean> runOne() {
        Instant staleBefore = Instant.now().minus(config.restatementStaleAfter());
        return Panache.withTransaction(() -> jobs.claim(staleBefore).chain(job -> {
            if (job == null) {
                return Uni.createFrom().<UUID>nullItem();
            }
            Instant now = Instant.now();
            job.heartbeatAt = now;
            if (!RestatementJob.RUNNING.equals(job.state)) {
                job.state = RestatementJob.RUNNING;
                job.startedAt = now;
            } else {
                LOG.infof("restatement job %s of %s taken over after %d conversions", job.id, job.tenant,
                        job.conversionsDone);
            }
            return jobs.conversionCount(job.tenant).map(total -> {
                job.conversionsTotal = Math.max(total, job.conversionsDone);
                return job.id;
            });
        })).chain(id -> id == null ? Uni.createFrom().item(false) : runBatches(id).replaceWith(true));
    }

    private Uni<Void> runBatches(UUID id) {
        return Multi.createBy().repeating().uni(() -> Uni.createFrom().deferred(() -> batch(id))
                        .onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(3))
                .whilst(more -> more)
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> fail(id, failure));
    }

    /** Recredits the next batch and advances the cursor in one transaction; true while more may follow. */
    Uni<Boolean> batch(UUID id) {
        int size = config.restatementBatchSize();
        return Panache.withTransaction(() -> jobs.locked(id).chain(job -> {
            if (job == null || !RestatementJob.RUNNING.equals(job.state)) {
                return Uni.createFrom().item(false);
            }
            return jobs.conversionsAfter(job.tenant, job.cursorOccurredAt, job.cursorConversion, size)
                    .chain(batch -> restate(job.tenant, batch).invoke(() -> advance(job, batch, size))
                            .replaceWith(batch.size() == size));
        }));
    }

    private Uni<Void> restate(String tenant, List<ConversionState> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Persons locked in one order, so two jobs never wait for each other crosswise.
        List<UUID> persons = List.copyOf(new TreeSet<>(batch.stream().map(c -> c.personId).toList()));
        return catalog.forTenant(tenant).chain(models -> CreditRestatement.sequentially(persons,
                        person -> personLock.lock(tenant, person))
                .chain(() -> CreditRestatement.sequentially(batch, conversion -> journeys.credit(conversion, models))));
    }

    private static void advance(RestatementJob job, List<ConversionState> batch, int size) {
        Instant now = Instant.now();
        job.heartbeatAt = now;
        job.conversionsDone += batch.size();
        if (!batch.isEmpty()) {
            ConversionState last = batch.get(batch.size() - 1);
            job.cursorOccurredAt = last.occurredAt;
            job.cursorConversion = last.conversionId;
        }
        if (batch.size() < size) {
            job.state = RestatementJob.COMPLETED;
            job.finishedAt = now;
            job.conversionsTotal = Math.max(job.conversionsTotal, job.conversionsDone);
            LOG.infof("restatement job %s of %s completed: %d conversions", job.id, job.tenant, job.conversionsDone);
        }
    }

    private Uni<Void> fail(UUID id, Throwable failure) {
        LOG.errorf(failure, "restatement job %s failed", id);
        String message = String.valueOf(failure.getMessage());
        return Panache.withTransaction(() -> jobs.locked(id).invoke(job -> {
            if (job != null) {
                job.state = RestatementJob.FAILED;
                job.finishedAt = Instant.now();
                job.error = message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
            }
        })).replaceWithVoid();
    }

    /** Queues a failed job again; it resumes after its last committed batch. Runs in a transaction. */
    public Uni<RestatementJob> rerun(String tenant, UUID id) {
        return jobs.ofTenant(tenant, id).invoke(job -> {
            if (job != null && RestatementJob.FAILED.equals(job.state)) {
                job.state = RestatementJob.QUEUED;
                job.finishedAt = null;
                job.error = null;
            }
        });
    }
}
