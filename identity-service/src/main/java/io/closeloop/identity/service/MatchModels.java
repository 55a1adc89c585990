package io.closeloop.identity.service;

import io.closeloop.contracts.Json;
import io.closeloop.identity.config.MatchModelConfig;
import io.closeloop.identity.domain.BlockingKeys;
import io.closeloop.identity.domain.MatchModelState;
import io.closeloop.identity.matching.DefaultMatchModel;
import io.closeloop.identity.matching.MatchModel;
import io.closeloop.identity.matching.MatchModelFitter;
import io.closeloop.identity.matching.MatchModelWeights;
import io.closeloop.identity.matching.MatchRecord;
import io.closeloop.identity.repository.FeatureRepository;
import io.closeloop.identity.repository.MatchModelRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The tenants' match models, stored versioned in identity's database and shared by every replica. Linking
 * reads the tenant's newest version number per event (one index lookup) and keeps the decoded model per
 * version in memory; a tenant without a stored model links with {@link DefaultMatchModel}. Fits read the
 * training records in their own session on a worker thread, never in an event consumer's transaction.
 */
@ApplicationScoped
public class MatchModels {

    private static final Logger LOG = Logger.getLogger(MatchModels.class);

    private record Versioned(long version, MatchModel model) {
    }

    /** Why a fit stored nothing, or the stored fit. */
    public record FitOutcome(MatchModelState stored, String notFitted) {
    }

    private final MatchModelRepository repository;
    private final FeatureRepository features;
    private final MatchModelConfig config;
    private final Map<String, Versioned> decoded = new ConcurrentHashMap<>();

    public MatchModels(MatchModelRepository repository, FeatureRepository features, MatchModelConfig config) {
        this.repository = repository;
        this.features = features;
        this.config = config;
    }

    /** In the caller's session: the tenant's newest stored model, else the default model. */
    public Uni<MatchModel> current(String tenant) {
        return repository.newestVersion(tenant).chain(version -> {
            if (version == 0) {
                return Uni.createFrom().item(DefaultMatchModel.get());
            }
            Versioned known = decoded.get(tenant);
            if (known != null && known.version() == version) {
                return Uni.createFrom().item(known.model());
            }
            return repository.version(tenant, version).map(state -> {
                MatchModel model = state == null ? DefaultMatchModel.get() : decode(state);
                decoded.put(tenant, new Versioned(version, model));
                return model;
            });
        });
    }

    /** The tenant's newest stored fit, or empty. */
    public Uni<MatchModelState> latest(String tenant) {
        return Panache.withSession(() -> repository.latest(tenant));
    }

    /**
     * Fits the tenant's model from its newest stored records and stores it as the next version. Blocks: call it
     * on a worker thread (the scheduler's, a blocking endpoint's), never on the event loop.
     */
    public FitOutcome fit(String tenant, Instant now) {
        List<Map<String, String>> rows = await(() -> Panache.withSession(
                () -> features.recent(tenant, config.trainingRecords())));
        List<MatchRecord> records = sameKey(rows);
        if (records.size() < config.minRecords()) {
            return new FitOutcome(null, records.size() + " records with match features; a fit needs "
                    + config.minRecords());
        }
        MatchModel model;
        try {
            model = MatchModelFitter.withDefaults().fit(records);
        } catch (IllegalArgumentException e) {
            return new FitOutcome(null, e.getMessage());
        }
        MatchModelState state = new MatchModelState();
        state.tenant = tenant;
        state.fittedAt = now;
        state.records = records.size();
        state.candidatePairs = model.candidatePairs();
        state.converged = model.converged();
        state.weights = Json.write(MatchModelWeights.of(model));
        MatchModelState stored = await(() -> Panache.withTransaction(() -> repository.add(state)));
        LOG.infof("tenant %s: match model version %d fitted on %d records (%d candidate pairs)", tenant,
                stored.version, stored.records, stored.candidatePairs);
        return new FitOutcome(stored, null);
    }

    /**
     * The records of the key id most rows carry: records of different keys never compare, so a fit over both
     * would count every cross-key random pair as a disagreement. Weights do not depend on which key encoded.
     */
    static List<MatchRecord> sameKey(List<Map<String, String>> rows) {
        List<List<MatchRecord>> perRow = new ArrayList<>(rows.size());
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<MatchRecord> sets = BlockingKeys.records(Integer.toString(i), rows.get(i));
            perRow.add(sets);
            sets.forEach(r -> keys.merge(r.keyId(), 1, Integer::sum));
        }
        String key = keys.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
        List<MatchRecord> records = new ArrayList<>(rows.size());
        perRow.forEach(sets -> sets.stream().filter(r -> r.keyId().equals(key)).findFirst().ifPresent(records::add));
        return records;
    }

    /** Tenants with stored match features. Blocks, like {@link #fit}. */
    public List<String> tenants() {
        return await(() -> Panache.withSession(repository::tenantsWithFeatures));
    }

    /** A stored model, or the default one when it was fitted for other comparisons than the code's. */
    static MatchModel decode(MatchModelState state) {
        try {
            MatchModelWeights weights = Json.mapper().readValue(state.weights, MatchModelWeights.class);
            if (weights.fits(MatchModelFitter.defaultComparisons())) {
                return weights.model(MatchModelFitter.defaultComparisons());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("tenant %s: match model version %d unreadable (%s); the default model applies", state.tenant,
                    state.version, e.getMessage());
            return DefaultMatchModel.get();
        }
        LOG.warnf("tenant %s: match model version %d has other comparisons; the default model applies until"
                + " the next fit", state.tenant, state.version);
        return DefaultMatchModel.get();
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
