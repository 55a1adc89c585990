package io.closeloop.reporting.service;

import io.closeloop.reporting.config.ReportingConfig;
import io.closeloop.reporting.domain.TenantZone;
import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.metrics.MetricInputs;
import io.closeloop.reporting.repository.GroupKey;
import io.closeloop.reporting.repository.Grouping;
import io.closeloop.reporting.repository.MetricGroups;
import io.closeloop.reporting.repository.MetricQueries;
import io.closeloop.reporting.repository.ReportScope;
import io.closeloop.reporting.repository.TenantZoneRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The metric views: queries per view, then {@link MetricRows} turns their groups into rows. */
@ApplicationScoped
public class MetricReportService {

    private static final int UNKNOWN_UTM_LIMIT = 100;

    private final MetricQueries queries;
    private final TenantZoneRepository zones;
    private final ReportingConfig config;

    public MetricReportService(MetricQueries queries, TenantZoneRepository zones, ReportingConfig config) {
        this.queries = queries;
        this.zones = zones;
        this.config = config;
    }

    public ViewRequest request(ViewRequest.Params params, Grain defaultGrain) {
        return ViewRequest.parse(params, config.models(), config.defaultModel(), config.maxRangeDays(), defaultGrain);
    }

    public Uni<MetricReport> channels(String tenant, ViewRequest request) {
        return metricView(tenant, request, "channels", Grouping.CHANNEL);
    }

    public Uni<MetricReport> campaigns(String tenant, ViewRequest request) {
        return metricView(tenant, request, "campaigns", Grouping.CAMPAIGN);
    }

    public Uni<MetricReport> overTime(String tenant, ViewRequest request) {
        return metricView(tenant, request, "over-time", Grouping.period(request.grain()));
    }

    public Uni<MetricReport> yearOverYear(String tenant, ViewRequest request) {
        Grain grain = request.grain();
        Grouping grouping = Grouping.period(grain);
        return withScope(tenant, request, List.of(request.model()), scope -> inputs(scope, grouping)
                .chain(current -> {
                    ReportScope previous = shifted(scope, grain.yearEarlierDay(request.from()),
                            grain.yearEarlierDay(request.to()));
                    return inputs(previous, grouping).chain(before -> withoutRate(scope, (rates, spendRates) ->
                            MetricRows.yearOverYear(request, scope, current, before, rates, spendRates)));
                }));
    }

    public Uni<ModelComparison> modelComparison(String tenant, ViewRequest request) {
        List<String> models = List.copyOf(new TreeSet<>(config.models()));
        return withScope(tenant, request, models, scope -> queries.credits(scope, Grouping.MODEL_CHANNEL)
                .chain(credits -> queries.creditsWithoutRate(modelOnly(scope, request.model()))
                        .map(rates -> MetricRows.modelComparison(request, scope, models, credits, rates))));
    }

    public Uni<FunnelReport> funnel(String tenant, ViewRequest request) {
        return withScope(tenant, request, List.of(request.model()), scope -> queries.funnel(scope)
                .map(counts -> MetricRows.funnel(request, scope, counts)));
    }

    public Uni<DataQualityReport> dataQuality(String tenant, ViewRequest request) {
        return withScope(tenant, request, List.of(request.model()), scope ->
                queries.credits(scope, Grouping.CAMPAIGN).chain(credits -> queries.spend(scope, Grouping.CAMPAIGN)
                        .chain(spend -> queries.touches(scope, Grouping.CHANNEL)
                                .chain(touches -> queries.unknownUtmValues(scope, UNKNOWN_UTM_LIMIT)
                                        .chain(unknown -> withoutRate(scope, (rates, spendRates) ->
                                                MetricRows.dataQuality(request, scope, credits, spend, touches,
                                                        unknown, rates, spendRates)))))));
    }

    private Uni<MetricReport> metricView(String tenant, ViewRequest request, String view, Grouping grouping) {
        return withScope(tenant, request, List.of(request.model()), scope -> inputs(scope, grouping)
                .chain(groups -> withoutRate(scope, (rates, spendRates) ->
                        MetricRows.report(view, request, scope, grouping, groups, rates, spendRates))));
    }

    /**
     * Every group's inputs, and the total's under {@link GroupKey#TOTAL}; the statements run side by side once the
     * tenant's span of days is known (it decides how the whole-conversion statements read their rows).
     */
    private Uni<Map<GroupKey, MetricInputs>> inputs(ReportScope scope, Grouping grouping) {
        return queries.wholeSpan(scope).chain(whole -> Uni.combine().all().unis(queries.credits(scope, grouping),
                        queries.conversions(scope, grouping, whole), queries.conversions(scope, Grouping.TOTAL, whole),
                        queries.spend(scope, grouping), queries.touches(scope, grouping)).asTuple())
                .map(in -> MetricRows.inputs(in.getItem1(), in.getItem2(), in.getItem3(), in.getItem4(),
                        in.getItem5()));
    }

    private <T> Uni<T> withoutRate(ReportScope scope,
                                   java.util.function.BiFunction<List<MetricGroups.WithoutRate>,
                                           List<MetricGroups.WithoutRate>, T> then) {
        return Uni.combine().all().unis(queries.creditsWithoutRate(scope), queries.spendWithoutRate(scope)).asTuple()
                .map(rates -> then.apply(rates.getItem1(), rates.getItem2()));
    }

    private <T> Uni<T> withScope(String tenant, ViewRequest request, List<String> models,
                                 Function<ReportScope, Uni<T>> query) {
        return Panache.withSession(() -> zones.settingsOf(tenant).chain(settings -> query.apply(
                scope(tenant, request, models, settings))));
    }

    static ReportScope scope(String tenant, ViewRequest request, List<String> models, TenantZone settings) {
        ZoneId zone = ZoneId.of(settings.timeZone);
        String base = settings.baseCurrency == null ? null : settings.baseCurrency.trim();
        return new ReportScope(tenant, models, settings.timeZone, base, request.from(), request.to(),
                request.from().atStartOfDay(zone).toInstant(), request.to().plusDays(1).atStartOfDay(zone).toInstant(),
                request.channel(), request.campaign(), request.dateBasis() == ViewRequest.DateBasis.TOUCH);
    }

    private static ReportScope shifted(ReportScope scope, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(scope.zone());
        return new ReportScope(scope.tenant(), scope.models(), scope.zone(), scope.baseCurrency(), from, to,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), scope.channel(),
                scope.campaign(), scope.touchDate());
    }

    private static ReportScope modelOnly(ReportScope scope, String model) {
        return new ReportScope(scope.tenant(), List.of(model), scope.zone(), scope.baseCurrency(), scope.from(),
                scope.to(), scope.start(), scope.end(), scope.channel(), scope.campaign(), scope.touchDate());
    }
}
