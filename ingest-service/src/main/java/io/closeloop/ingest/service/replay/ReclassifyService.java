package io.closeloop.ingest.service.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.ingest.domain.ChannelOverrides;
import io.closeloop.ingest.domain.ReclassifyJob;
import io.closeloop.ingest.domain.Reclassification;
import io.closeloop.ingest.repository.ChannelRuleRepository;
import io.closeloop.ingest.repository.ReclassifyJobRepository;
import io.closeloop.ingest.repository.StoredTouchRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.messaging.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reclassifies a tenant's stored touches of a time range with the current channel rules, as a job: pages of
 * touches in time order, each page's new versions and the job's counts committed together, so a job resumed
 * after a restart goes on where it was and a re-run finds nothing left to change.
 */
@ApplicationScoped
public class ReclassifyService {

    private static final Logger LOG = Logger.getLogger(ReclassifyService.class);
    static final int PAGE = 500;

    private final Transactions transactions;
    private final ReclassifyJobRepository jobs;
    private final StoredTouchRepository touches;
    private final ChannelRuleRepository rules;
    private ExecutorService worker;

    public ReclassifyService(Transactions transactions, ReclassifyJobRepository jobs, StoredTouchRepository touches,
                             ChannelRuleRepository rules) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.touches = touches;
        this.rules = rules;
    }

    void start(@Observes StartupEvent event) {
        // One worker: reclassifications are rare, and one at a time keeps them off the write path's connections.
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reclassify-job");
            thread.setDaemon(true);
            return thread;
        });
        for (ReclassifyJob job : transactions.inTransaction(jobs::unfinished)) {
            worker.submit(() -> run(job.tenant(), job.jobId()));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.shutdownNow();
            worker.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Queues a reclassification of the touches with {@code from <= occurredAt < to} under the current rules. */
    public ReclassifyJob submit(String tenant, Instant from, Instant to) {
        UUID jobId = UUID.randomUUID();
        ReclassifyJob job = transactions.inTransaction(c -> {
            String revision = Reclassification.revision(new ChannelOverrides(rules.list(c, tenant)));
            jobs.create(c, tenant, jobId, from, to, revision, touches.count(c, tenant, from, to));
            return jobs.find(c, tenant, jobId).orElseThrow();
        });
        worker.submit(() -> run(tenant, jobId));
        return job;
    }

    public Optional<ReclassifyJob> find(String tenant, UUID jobId) {
        return transactions.inTransaction(c -> jobs.find(c, tenant, jobId));
    }

    private static TouchpointRaw read(String payload) {
        try {
            return Json.read(payload, TouchpointRaw.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored touch is not a TouchpointRaw: " + e.getOriginalMessage(), e);
        }
    }

    void run(String tenant, UUID jobId) {
        try {
            ReclassifyJob job = find(tenant, jobId).orElseThrow();
            ChannelOverrides current = transactions.inTransaction(c -> new ChannelOverrides(rules.list(c, tenant)));
            // The rules may have changed since the job was queued: it applies the ones it names.
            String revision = Reclassification.revision(current);
            if (!revision.equals(job.revision())) {
                transactions.inTransaction(c -> {
                    jobs.fail(c, tenant, jobId, "the channel rules changed after the job was queued; start a new one");
                    return null;
                });
                return;
            }
            // A resumed job reads from the start again: what it changed before is unchanged now, so counts restart.
            long[] counts = new long[3];
            Instant afterTime = job.from().minusSeconds(1);
            UUID afterId = new UUID(0, 0);
            while (true) {
                Instant pageAfter = afterTime;
                UUID pageAfterId = afterId;
                List<StoredTouchRepository.StoredTouch> page = transactions.inTransaction(c -> {
                    List<StoredTouchRepository.StoredTouch> read = touches.page(c, tenant, job.from(), job.to(),
                            pageAfter, pageAfterId, PAGE);
                    for (StoredTouchRepository.StoredTouch stored : read) {
                        TouchpointRaw touch = read(stored.payload());
                        Optional<TouchpointRaw> next = Reclassification.reclassify(touch, current, revision);
                        if (next.isPresent()) {
                            UUID messageId = Reclassification.messageId(touch.eventId(), revision);
                            touches.replace(c, tenant, touch.eventId(), messageId, Json.write(next.get()),
                                    Json.write(Outbox.headers(Topics.TOUCHPOINTS_RAW, tenant, messageId)));
                            counts[1]++;
                            counts[2]++;
                        }
                    }
                    counts[0] += read.size();
                    jobs.progress(c, tenant, jobId, read.isEmpty() ? ReclassifyJob.COMPLETED : ReclassifyJob.RUNNING,
                            counts[0], counts[1], counts[2]);
                    return read;
                });
                if (page.isEmpty()) {
                    break;
                }
                StoredTouchRepository.StoredTouch last = page.get(page.size() - 1);
                afterTime = last.occurredAt();
                afterId = last.eventId();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "reclassification %s of tenant %s failed", jobId, tenant);
            transactions.inTransaction(c -> {
                jobs.fail(c, tenant, jobId, e.getClass().getSimpleName() + ": " + e.getMessage());
                return null;
            });
        }
    }
}
