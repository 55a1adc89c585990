package io.closeloop.attribution.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.domain.ModelFitState;
import io.closeloop.attribution.domain.PartitionStats;
import io.closeloop.attribution.model.MarkovStatistics;
import io.closeloop.attribution.model.ShapleyStatistics;
import io.closeloop.attribution.repository.ModelFitRepository;
import io.closeloop.attribution.repository.PartitionStatsRepository;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.PathCount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fits a data-driven model for a tenant: merges every partition's latest complete statistics (as consumed
 * from {@code attribution.stats}, whichever instance published them), solves Markov (the tenant's order)
 * or Shapley, stores the fit as the next version and re-credits the conversions of the fit period under
 * it (a new set version only where the credits changed). Statistics are integer counts merged in a fixed
 * order, so a fit over statistics published by several instances equals one over the same journeys
 * published by one.
 */
@ApplicationScoped
public class FitService {

    private static final Logger LOG = Logger.getLogger(FitService.class);
    private static final TypeReference<List<PathCount>> PATHS = new TypeReference<>() {
    };

    private final PartitionStatsRepository stats;
    private final ModelFitRepository fits;
    private final ModelCatalog catalog;
    private final JourneyService journeys;
    private final AttributionConfig config;

    public FitService(PartitionStatsRepository stats, ModelFitRepository fits, ModelCatalog catalog,
                      JourneyService journeys, AttributionConfig config) {
        this.stats = stats;
        this.fits = fits;
        this.catalog = catalog;
        this.journeys = journeys;
        this.config = config;
    }

    /** Fits {@code modelId} (one of {@link ModelCatalog#DATA_DRIVEN}) and restates. Runs in a transaction. */
    public Uni<ModelFitState> fit(String tenant, String modelId, Instant now) {
        return catalog.settings(tenant).chain(settings -> stats.ofTenant(tenant).chain(rows -> {
            List<PathCount> paths = latestComplete(rows);
            ModelFitState fit = solve(tenant, modelId, settings, paths, now);
            return fits.latest(tenant, modelId).chain(previous -> {
                fit.version = previous == null ? 1 : previous.version + 1;
                return fits.persist(fit);
            });
        })).call(fit -> journeys.restateTenant(tenant, now.minus(config.fitPeriod()))
                .invoke(count -> LOG.infof("%s fit %d of %s: %d journeys, %d conversions restated", modelId,
                        fit.version, tenant, fit.journeys, count)));
    }

    static ModelFitState solve(String tenant, String modelId, ModelSettings settings, List<PathCount> paths,
                               Instant now) {
        long journeys = 0;
        long conversions = 0;
        Map<String, Double> weights;
        if (ModelCatalog.MARKOV.equals(modelId)) {
            MarkovStatistics statistics = new MarkovStatistics(settings.markovOrder());
            paths.forEach(p -> statistics.add(p.channels(), p.conversions(), p.valueMinor(), p.nulls()));
            weights = paths.isEmpty() ? Map.of() : statistics.fit().weights();
        } else if (ModelCatalog.SHAPLEY.equals(modelId)) {
            ShapleyStatistics statistics = new ShapleyStatistics();
            paths.forEach(p -> statistics.add(p.channels(), p.conversions(), p.valueMinor(), p.nulls()));
            weights = paths.isEmpty() ? Map.of() : statistics.fit().weights();
        } else {
            throw new IllegalArgumentException("not a data-driven model: " + modelId);
        }
        for (PathCount path : paths) {
            journeys += path.conversions() + path.nulls();
            conversions += path.conversions();
        }
        ModelFitState fit = new ModelFitState();
        fit.tenant = tenant;
        fit.modelId = modelId;
        fit.fittedAt = now;
        fit.journeys = journeys;
        fit.conversions = conversions;
        fit.weights = Json.write(new TreeMap<>(weights));
        return fit;
    }

    /**
     * Every partition's paths of its newest generation whose chunks are all present, in partition and chunk
     * order. A partition whose newest generation is still incomplete (its chunks are in flight) is left out
     * rather than mixed with an older one.
     */
    static List<PathCount> latestComplete(List<PartitionStats> rows) {
        Map<Integer, List<PartitionStats>> byPartition = rows.stream()
                .collect(Collectors.groupingBy(row -> row.partition, TreeMap::new, Collectors.toList()));
        List<PathCount> paths = new ArrayList<>();
        byPartition.forEach((partition, chunks) -> {
            long newest = chunks.stream().mapToLong(c -> c.generation).max().orElseThrow();
            List<PartitionStats> current = chunks.stream().filter(c -> c.generation == newest)
                    .sorted((a, b) -> Integer.compare(a.chunk, b.chunk)).toList();
            if (current.size() != current.get(0).chunkCount) {
                LOG.infof("partition %d generation %d incomplete (%d of %d chunks): left out", partition, newest,
                        current.size(), current.get(0).chunkCount);
                return;
            }
            current.forEach(chunk -> paths.addAll(ModelCatalog.read(chunk.paths, PATHS)));
        });
        return paths;
    }
}
