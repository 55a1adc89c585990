package io.closeloop.identity.service;

import io.closeloop.identity.domain.BlockingKeys;
import io.closeloop.identity.matching.MatchModel;
import io.closeloop.identity.matching.MatchModelFitter;
import io.closeloop.identity.matching.MatchRecord;
import io.quarkus.arc.DefaultBean;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The Fellegi–Sunter matcher with weights estimated per tenant by EM from the tenant's own stored records.
 * A fit runs on its own thread (never on the event loop) and replaces the tenant's model when done; until
 * a tenant has a model, nothing links probabilistically. Models are refitted every {@link #REFIT}.
 */
@DefaultBean
@ApplicationScoped
public class FellegiSunterMatcher implements ProbabilisticMatcher {

    private static final Logger LOG = Logger.getLogger(FellegiSunterMatcher.class);
    static final Duration REFIT = Duration.ofMinutes(15);

    private record Fitted(MatchModel model, Instant at) {
    }

    private final Map<String, Fitted> models = new ConcurrentHashMap<>();
    private final Map<String, Instant> fitting = new ConcurrentHashMap<>();
    private final ExecutorService fitter = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "match-model-fitter");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public double score(String tenant, Map<String, String> left, Map<String, String> right) {
        Fitted fitted = models.get(tenant);
        if (fitted == null) {
            return 0;
        }
        // Like with like: during a key rotation only features encoded under the same key are compared.
        double best = 0;
        for (MatchRecord a : BlockingKeys.records("left", left)) {
            for (MatchRecord b : BlockingKeys.records("right", right)) {
                if (a.keyId().equals(b.keyId())) {
                    best = Math.max(best, fitted.model().score(a, b).probability());
                }
            }
        }
        return best;
    }

    @Override
    public boolean wantsRecords(String tenant) {
        Fitted fitted = models.get(tenant);
        Instant started = fitting.get(tenant);
        boolean stale = fitted == null || fitted.at().plus(REFIT).isBefore(Instant.now());
        return stale && (started == null || started.plus(REFIT).isBefore(Instant.now()));
    }

    @Override
    public void learn(String tenant, List<Map<String, String>> records) {
        if (records.size() < 2) {
            return;
        }
        fitting.put(tenant, Instant.now());
        List<MatchRecord> input = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            // The first record is under the newest key; weights do not depend on which key encoded them.
            BlockingKeys.records(Integer.toString(i), records.get(i)).stream().findFirst().ifPresent(input::add);
        }
        fitter.submit(() -> {
            try {
                models.put(tenant, new Fitted(MatchModelFitter.withDefaults().fit(input), Instant.now()));
            } catch (RuntimeException e) {
                LOG.debugf("tenant %s: no match model from %d records: %s", tenant, input.size(), e.getMessage());
            } finally {
                fitting.remove(tenant);
            }
        });
    }

    @PreDestroy
    public void stop() {
        fitter.shutdownNow();
    }
}
