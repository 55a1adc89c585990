package io.closeloop.attribution.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.attribution.domain.ModelFitState;
import io.closeloop.attribution.domain.PartitionStats;
import io.closeloop.attribution.domain.RestatementJob;
import io.closeloop.attribution.model.ChannelShares;
import io.closeloop.attribution.model.ChannelWeightsModel;
import io.closeloop.attribution.model.MarkovStatistics;
import io.closeloop.attribution.model.PathRecord;
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
 * Fits a data-driven model for a tenant over a period of its data and stores the fit as the next version.
 * On demand the statistics of the period are computed here over every partition; the scheduled fit merges
 * every partition's latest complete statistics as published on {@code attribution.stats} (whichever instance
 * published them). Both give the same paths in the same order, so the same fit. Restating the tenant's
 * conversions under the new fit is a {@link RestatementJobs job}.
 */
@ApplicationScoped
public class FitService {

    private static final Logger LOG = Logger.getLogger(FitService.class);
    private static final TypeReference<List<PathCount>> PATHS = new TypeReference<>() {
    };

    private final PartitionStatsRepository stats;
    private final StatsService statsService;
    private final ModelFitRepository fits;
    private final ModelCatalog catalog;
    private final RestatementJobs jobs;

    public FitService(PartitionStatsRepository stats, StatsService statsService, ModelFitRepository fits,
                      ModelCatalog catalog, RestatementJobs jobs) {
        this.stats = stats;
        this.statsService = statsService;
        this.fits = fits;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    /** A fit and the job restating the tenant's conversions under it. */
    public record Outcome(ModelFitState fit, RestatementJob restatement) {
    }

    /**
     * Fits {@code modelId} over {@code period} (null: the latest fit period of the tenant's data) and queues
     * the restatement. Runs in a transaction.
     */
    public Uni<Outcome> fitAndRestate(String tenant, String modelId, FitPeriod period, Instant now) {
        Uni<FitPeriod> chosen = period != null ? Uni.createFrom().item(period) : statsService.defaultPeriod(tenant, now);
        return chosen.chain(p -> statsService.paths(tenant, p).chain(paths -> store(tenant, modelId, paths, p, now)))
                .chain(fit -> jobs.submit(tenant, RestatementJobs.FIT, modelId, now)
                        .map(job -> new Outcome(fit, job)));
    }

    /** Fits {@code modelId} over the published statistics (the scheduled fit). Runs in a transaction. */
    public Uni<ModelFitState> fitPublished(String tenant, String modelId, Instant now) {
        return stats.ofTenant(tenant).chain(rows -> {
            List<PartitionStats> complete = latestCompleteRows(rows);
            FitPeriod period = complete.isEmpty() ? null : new FitPeriod(
                    complete.stream().map(r -> r.periodFrom).min(Instant::compareTo).orElseThrow(),
                    complete.stream().map(r -> r.periodTo).max(Instant::compareTo).orElseThrow());
            List<PathCount> paths = new ArrayList<>();
            complete.forEach(chunk -> paths.addAll(ModelCatalog.read(chunk.paths, PATHS)));
            return store(tenant, modelId, paths, period, now);
        });
    }

    private Uni<ModelFitState> store(String tenant, String modelId, List<PathCount> paths, FitPeriod period,
                                     Instant now) {
        return catalog.settings(tenant).chain(settings -> {
            ModelFitState fit = solve(tenant, modelId, settings, paths, now);
            if (period != null) {
                fit.periodFrom = period.from();
                fit.periodTo = period.to();
            }
            return fits.latest(tenant, modelId).chain(previous -> {
                fit.version = previous == null ? 1 : previous.version + 1;
                LOG.infof("%s fit %d of %s over %s..%s: %d journeys, %d conversions", modelId, fit.version, tenant,
                        fit.periodFrom, fit.periodTo, fit.journeys, fit.conversions);
                return fits.persist(fit);
            });
        });
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
            weights = paths.isEmpty() ? Map.of() : statistics.fit(settings.shapleyOptions()).weights();
        } else {
            throw new IllegalArgumentException("not a data-driven model: " + modelId);
        }
        for (PathCount path : paths) {
            journeys += path.conversions() + path.nulls();
            conversions += path.conversions();
        }
        List<PathRecord> records = paths.stream().filter(p -> !p.channels().isEmpty())
                .map(p -> new PathRecord(p.channels(), p.conversions(), p.valueMinor(), p.nulls())).toList();
        ModelFitState fit = new ModelFitState();
        fit.tenant = tenant;
        fit.modelId = modelId;
        fit.fittedAt = now;
        fit.journeys = journeys;
        fit.conversions = conversions;
        fit.weights = Json.write(new TreeMap<>(weights));
        fit.channelShares = Json.write(ChannelShares.of(records, new ChannelWeightsModel(modelId, 0, weights)));
        return fit;
    }

    /**
     * Every partition's chunks of its newest generation whose chunks are all present, in partition and chunk
     * order. A partition whose newest generation is still incomplete (its chunks are in flight) is left out
     * rather than mixed with an older one.
     */
    private static List<PartitionStats> latestCompleteRows(List<PartitionStats> rows) {
        Map<Integer, List<PartitionStats>> byPartition = rows.stream()
                .collect(Collectors.groupingBy(row -> row.partition, TreeMap::new, Collectors.toList()));
        List<PartitionStats> complete = new ArrayList<>();
        byPartition.forEach((partition, chunks) -> {
            long newest = chunks.stream().mapToLong(c -> c.generation).max().orElseThrow();
            List<PartitionStats> current = chunks.stream().filter(c -> c.generation == newest)
                    .sorted((a, b) -> Integer.compare(a.chunk, b.chunk)).toList();
            if (current.size() != current.get(0).chunkCount) {
                LOG.infof("partition %d generation %d incomplete (%d of %d chunks): left out", partition, newest,
                        current.size(), current.get(0).chunkCount);
                return;
            }
            complete.addAll(current);
        });
        return complete;
    }
}
