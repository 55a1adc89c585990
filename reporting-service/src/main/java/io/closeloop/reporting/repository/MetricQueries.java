package io.closeloop.reporting.repository;

import static io.closeloop.messaging.NativeRows.decimal;
import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.trimmed;

import io.closeloop.messaging.NativeRows;
import io.closeloop.reporting.domain.RevenueSums;
import io.closeloop.reporting.repository.MetricSql.Statement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/** Runs the metric views' statements ({@link MetricSql}) and reads their rows under each group's key. */
@ApplicationScoped
public class MetricQueries {

    private final Mutiny.SessionFactory sessions;

    public MetricQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<List<MetricGroups.Credits>> credits(ReportScope scope, Grouping grouping) {
        String currency = currencyName(scope);
        return run(MetricSql.credits(scope, grouping), row -> new MetricGroups.Credits(key(row, grouping),
                zero(decimal(row, "conversions")), exact(row, "revenue_minor", currency),
                exact(row, "attributed_minor", currency), zero(decimal(row, "offline_conversions")),
                zero(decimal(row, "valued_conversions")), zero(decimal(row, "leads"))));
    }

    /**
     * Whole conversions per group: match flags, the linear set's path length and the time to convert;
     * {@code wholeSpan} from {@link #wholeSpan}.
     */
    public Uni<List<MetricGroups.Conversions>> conversions(ReportScope scope, Grouping grouping, boolean wholeSpan) {
        return run(MetricSql.conversions(scope, grouping, wholeSpan), row -> new MetricGroups.Conversions(
                key(row, grouping), longValue(row, "with_flag"), longValue(row, "matched"),
                longValue(row, "path_conversions"), longValue(row, "path_touches"), doubleOrNull(row, "ttc_median"),
                doubleOrNull(row, "ttc_p90")));
    }

    /**
     * Whether the scope's range holds every conversion-date row of its models (true when there are none); false
     * without reading when no statement could use it.
     */
    public Uni<Boolean> wholeSpan(ReportScope scope) {
        if (!MetricSql.ordersByHours(scope)) {
            return Uni.createFrom().item(false);
        }
        return run(MetricSql.span(scope), row -> MetricSql.holds(scope, date(row.get("first_day")),
                date(row.get("last_day")))).map(rows -> rows.get(0));
    }

    /** Credited amounts without a base amount, per original currency: conversions and amount in that currency. */
    public Uni<List<MetricGroups.WithoutRate>> creditsWithoutRate(ReportScope scope) {
        return run(MetricSql.creditsWithoutRate(scope), row -> new MetricGroups.WithoutRate(trimmed(row, "currency"),
                longValue(row, "conversions"), exact(row, "amount_minor", trimmed(row, "currency"))));
    }

    /** Spend in the base currency per group. */
    public Uni<List<MetricGroups.Amount>> spend(ReportScope scope, Grouping grouping) {
        String currency = currencyName(scope);
        return run(MetricSql.spend(scope, grouping),
                row -> new MetricGroups.Amount(key(row, grouping), exact(row, "spend_minor", currency)));
    }

    /** Spend left out of the base-currency figures: per original currency, the days and their amount. */
    public Uni<List<MetricGroups.WithoutRate>> spendWithoutRate(ReportScope scope) {
        return run(MetricSql.spendWithoutRate(scope), row -> new MetricGroups.WithoutRate(trimmed(row, "currency"),
                longValue(row, "days"), exact(row, "amount_minor", trimmed(row, "currency"))));
    }

    public Uni<List<MetricGroups.Touches>> touches(ReportScope scope, Grouping grouping) {
        return run(MetricSql.touches(scope, grouping), row -> new MetricGroups.Touches(key(row, grouping),
                longValue(row, "touches"), longValue(row, "suppressed")));
    }

    /** Source and medium values of unassigned touches in the range, most frequent first. */
    public Uni<List<MetricGroups.Named>> unknownUtmValues(ReportScope scope, int limit) {
        return run(MetricSql.unknownUtmValues(scope, limit), row -> new MetricGroups.Named(text(row, "field"),
                text(row, "value"), longValue(row, "touches")));
    }

    /**
     * Conversions per funnel stage reached on the range's days; with a channel or campaign, only conversions
     * credited to it under the scope's model.
     */
    public Uni<List<MetricGroups.Named>> funnel(ReportScope scope) {
        return run(MetricSql.funnel(scope), row -> new MetricGroups.Named(text(row, "stage"), null,
                longValue(row, "conversions")));
    }

    /**
     * Each statement in a session (and on a connection) of its own, so that a view's statements can run side by side:
     * their sorts for the exact percentiles are the view's largest cost.
     */
    private <T> Uni<List<T>> run(Statement statement, Function<Tuple, T> read) {
        return sessions.openSession().chain(session -> NativeRows.list(session, statement.text(), statement.params())
                .eventually(session::close)).map(rows -> rows.stream().map(read).toList());
    }

    private static String currencyName(ReportScope scope) {
        return scope.baseCurrency() == null ? "the base currency" : scope.baseCurrency();
    }

    private static GroupKey key(Tuple row, Grouping grouping) {
        return new GroupKey(grouping.model() ? text(row, "k_model") : null,
                grouping.channel() ? text(row, "k_channel") : null,
                grouping.campaign() ? text(row, "k_campaign") : null,
                grouping.grain() != null ? date(row.get("k_period")) : null);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    private static long exact(Tuple row, String column, String currency) {
        BigDecimal value = decimal(row, column);
        return value == null ? 0 : RevenueSums.exact(value, currency);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Double doubleOrNull(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
