package io.closeloop.attribution.service;

import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.JourneyTouch;
import io.closeloop.attribution.model.AccountJourneys;
import io.closeloop.attribution.model.Conversion;
import io.closeloop.attribution.model.Touch;
import io.closeloop.attribution.repository.ConversionRepository;
import io.closeloop.attribution.repository.RestatementJobRepository;
import io.closeloop.attribution.repository.TouchRepository;
import io.closeloop.contracts.AttributionStats;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.PathCount;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Computes the path statistics of the partitions this instance owns and publishes them on the compacted
 * {@code attribution.stats} topic (one record per chunk of at most {@code stats-chunk-size} paths, key
 * {@code tenant:partition:chunk}). Over a period [from, to) — by default the latest fit period of the tenant's
 * data, ending just after its newest conversion (see {@link FitPeriod}):
 * <ul>
 *   <li>each conversion of the period that is not withdrawn counts one converting journey: its eligible,
 *       transformed path (the one the models credit; in account mode the union of its contacts'), with its
 *       value in the base currency; a conversion without eligible touch has no path and is not counted;</li>
 *   <li>each person with touches in the period and no conversion in it counts one non-converting journey:
 *       the path of those touches under the same rules, as if a conversion of no type closed it at the period's end.</li>
 * </ul>
 * A partition is the one of the converting (or non-converting) person's key. Every owned partition is
 * published, empty ones too, so an emptied partition replaces its older statistics.
 */
@ApplicationScoped
public class StatsService {

    private final ModelCatalog catalog;
    private final ConversionRepository conversions;
    private final TouchRepository touches;
    private final Outbox outbox;
    private final RestatementJobRepository jobs;
    private final AttributionConfig config;

    public StatsService(ModelCatalog catalog, ConversionRepository conversions, TouchRepository touches, Outbox outbox,
                        RestatementJobRepository jobs, AttributionConfig config) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.conversions = conversions;
        this.touches = touches;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Publishes the statistics of {@code partitions} over the tenant's default fit period (the latest of its
     * data); returns the number of records. Runs in a transaction.
     */
    public Uni<Integer> publish(String tenant, Set<Integer> partitions, Instant now) {
        return defaultPeriod(tenant, now).chain(period -> publish(tenant, partitions, period, now));
    }

    /** Publishes the statistics of {@code partitions} over {@code period}, generation {@code now}. */
    public Uni<Integer> publish(String tenant, Set<Integer> partitions, FitPeriod period, Instant now) {
        return counted(tenant, partitions, period).chain(counted -> {
            List<AttributionStats> records = records(tenant, counted.counters(), counted.currency(), period, now);
            return CreditRestatement.sequentially(records, record -> outbox.publish(Topics.ATTRIBUTION_STATS,
                            Keys.stats(tenant, record.partition(), record.chunk()), record, UUID.randomUUID()))
                    .replaceWith(records.size());
        });
    }

    /**
     * Every partition's paths over {@code period}, computed here rather than merged from the published
     * statistics (for a fit of a period nobody published), in the order a merge of published statistics
     * has: partition by partition, each sorted by path.
     */
    public Uni<List<PathCount>> paths(String tenant, FitPeriod period) {
        Set<Integer> all = IntStream.range(0, PersonPartitions.COUNT).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        return counted(tenant, all, period).map(counted -> {
            List<PathCount> paths = new ArrayList<>();
            counted.counters().values().forEach(counter -> paths.addAll(counter.sorted()));
            return paths;
        });
    }

    /** The latest {@code fit-period} of the tenant's data, ending just after its newest conversion. */
    public Uni<FitPeriod> defaultPeriod(String tenant, Instant now) {
        return jobs.newestConversion(tenant).map(newest -> FitPeriod.latestOfData(newest, config.fitPeriod(), now));
    }

    private Uni<Counted> counted(String tenant, Set<Integer> partitions, FitPeriod period) {
        Instant from = period.from();
        Instant to = period.to();
        return catalog.forTenant(tenant).chain(models -> conversions.inPeriod(tenant, from, to)
                .chain(converted -> touches.inPeriod(tenant, from.minus(models.attributor().lookback()), to)
                        .map(rows -> new Counted(count(tenant, partitions, models, converted, rows, from, to),
                                currency(converted)))));
    }

    private Map<Integer, PathCounter> count(String tenant, Set<Integer> partitions, TenantModels models,
                                            List<ConversionState> converted, List<JourneyTouch> rows,
                                            Instant from, Instant to) {
        Map<UUID, List<Touch>> byPerson = rows.stream().collect(Collectors.groupingBy(row -> row.personId,
                Collectors.mapping(JourneyTouch::toTouch, Collectors.toList())));
        Map<Integer, PathCounter> counters = new TreeMap<>();
        partitions.forEach(partition -> counters.put(partition, new PathCounter()));
        Set<UUID> converters = new HashSet<>();
        for (ConversionState conversion : converted) {
            converters.add(conversion.personId);
            PathCounter counter = counters.get(PersonPartitions.of(tenant, conversion.personId));
            if (counter == null || conversion.toConversion().withdrawn() || !conversion.counts) {
                continue;
            }
            counter.converted(models.attributor().path(conversion.toConversion(),
                    journey(conversion, models, byPerson)), conversion.baseValueOrValue());
        }
        Conversion closing = new Conversion("non-converting", to, "completed", 0, "XXX");
        byPerson.forEach((person, personTouches) -> {
            PathCounter counter = counters.get(PersonPartitions.of(tenant, person));
            if (counter == null || converters.contains(person)) {
                return;
            }
            List<Touch> inPeriod = personTouches.stream().filter(t -> !t.at().isBefore(from)).toList();
            counter.didNotConvert(models.attributor().path(closing, inPeriod));
        });
        return counters;
    }

    private static List<Touch> journey(ConversionState conversion, TenantModels models,
                                       Map<UUID, List<Touch>> byPerson) {
        List<Touch> journey = new ArrayList<>(byPerson.getOrDefault(conversion.personId, List.of()));
        if (models.settings().accountMode()) {
            conversion.accountPersons().forEach(p -> journey.addAll(byPerson.getOrDefault(p, List.of())));
            return AccountJourneys.union(List.of(journey));
        }
        return journey;
    }

    private List<AttributionStats> records(String tenant, Map<Integer, PathCounter> counters, String currency,
                                           FitPeriod period, Instant now) {
        long generation = now.toEpochMilli();
        Instant computedAt = Instant.now();
        List<AttributionStats> records = new ArrayList<>();
        counters.forEach((partition, counter) -> {
            List<List<PathCount>> chunks = chunks(counter.sorted(), config.statsChunkSize());
            for (int chunk = 0; chunk < chunks.size(); chunk++) {
                records.add(new AttributionStats(tenant, partition, generation, period.from(), period.to(), currency,
                        computedAt, chunk,
                        chunks.size(), chunks.get(chunk)));
            }
        });
        return records;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            chunks.add(List.copyOf(items.subList(start, Math.min(items.size(), start + size))));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        return chunks;
    }

    /** The base currency of the period's conversions (the most frequent one; XXX without any). */
    private static String currency(List<ConversionState> converted) {
        return converted.stream().collect(Collectors.groupingBy(c -> c.baseCurrency != null ? c.baseCurrency
                        : c.currency, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("XXX");
    }

    private record Counted(Map<Integer, PathCounter> counters, String currency) {
    }
}
