package io.closeloop.reporting.repository;

import static io.closeloop.messaging.NativeRows.decimal;
import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.trimmed;

import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.messaging.NativeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import io.closeloop.reporting.domain.RevenueSums;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Credit sets as reporting keeps them: the highest version of each, and its lines. */
@ApplicationScoped
public class CreditRepository {

    /** The channel of a conversion's line when no touch was eligible for credit. */
    public static final String UNATTRIBUTED = MetricSql.UNATTRIBUTED;

    /** Only a higher version replaces what is stored; equal or lower versions arriving late change nothing. */
    private static final String UPSERT_IF_HIGHER = "insert into credit_set (tenant, conversion_id, model_id,"
            + " set_version, status, conversion_type, conversion_time, currency, value_minor, fallback_model_id,"
            + " matched, base_currency, base_value_minor, rate_missing, touch_count, first_touch_time)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
            + " on conflict (tenant, conversion_id, model_id) do update set set_version = excluded.set_version,"
            + " status = excluded.status, conversion_type = excluded.conversion_type,"
            + " conversion_time = excluded.conversion_time, currency = excluded.currency,"
            + " value_minor = excluded.value_minor, fallback_model_id = excluded.fallback_model_id,"
            + " matched = excluded.matched, base_currency = excluded.base_currency,"
            + " base_value_minor = excluded.base_value_minor, rate_missing = excluded.rate_missing,"
            + " touch_count = excluded.touch_count, first_touch_time = excluded.first_touch_time,"
            + " stored_at = now()"
            + " where credit_set.set_version < excluded.set_version";
    private static final String DELETE_LINES = "delete from credit_line"
            + " where tenant = ?1 and conversion_id = ?2 and model_id = ?3";
    private static final String INSERT_LINE = "insert into credit_line (tenant, conversion_id, model_id, line_no,"
            + " channel, source, medium, campaign, credit_minor, fractional_conversions, base_credit_minor, touch_time)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    private static final String REVENUE = "select l.channel, l.campaign, s.currency,"
            + " sum(l.credit_minor) as revenue_minor, sum(l.fractional_conversions) as conversions"
            + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
            + " and l.model_id = s.model_id"
            + " where s.tenant = ?1 and s.model_id = ?2 and s.status <> 'withdrawn'"
            + " and s.conversion_time >= ?3 and s.conversion_time < ?4"
            + " group by l.channel, l.campaign, s.currency";
    private static final String FALLBACK_ROWS = "select l.channel, l.campaign, s.currency, s.fallback_model_id,"
            + " count(distinct s.conversion_id) as conversions"
            + " from credit_set s join credit_line l on l.tenant = s.tenant and l.conversion_id = s.conversion_id"
            + " and l.model_id = s.model_id"
            + " where s.tenant = ?1 and s.model_id = ?2 and s.status <> 'withdrawn' and s.fallback_model_id is not null"
            + " and s.conversion_time >= ?3 and s.conversion_time < ?4"
            + " group by l.channel, l.campaign, s.currency, s.fallback_model_id";
    private static final String FALLBACK_TOTALS = "select s.currency, s.fallback_model_id, count(*) as conversions"
            + " from credit_set s"
            + " where s.tenant = ?1 and s.model_id = ?2 and s.status <> 'withdrawn' and s.fallback_model_id is not null"
            + " and s.conversion_time >= ?3 and s.conversion_time < ?4"
            + " group by s.currency, s.fallback_model_id";

    /** Stores {@code set} if it is newer than the stored version; true when it was. */
    public Uni<Boolean> upsertIfHigher(CreditSet set) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_IF_HIGHER)
                        .setParameter(1, set.tenant())
                        .setParameter(2, set.conversionId())
                        .setParameter(3, set.modelId())
                        .setParameter(4, set.setVersion())
                        .setParameter(5, set.status().code())
                        .setParameter(6, set.conversionType())
                        .setParameter(7, utc(set.conversionTime()))
                        .setParameter(8, set.currency())
                        .setParameter(9, set.valueMinor())
                        .setParameter(10, set.fallbackModelId())
                        .setParameter(11, set.matched())
                        .setParameter(12, set.baseCurrency())
                        .setParameter(13, set.baseValueMinor())
                        .setParameter(14, Boolean.TRUE.equals(set.rateMissing()))
                        .setParameter(15, touchCount(set))
                        .setParameter(16, firstTouchTime(set))
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Lines that credit a touch (not the {@code unattributed} line of a conversion without one). */
    static int touchCount(CreditSet set) {
        if (set.status() == CreditSet.Status.WITHDRAWN || set.lines() == null) {
            return 0;
        }
        return (int) set.lines().stream().filter(l -> !UNATTRIBUTED.equals(l.channel())).count();
    }

    static OffsetDateTime firstTouchTime(CreditSet set) {
        if (set.status() == CreditSet.Status.WITHDRAWN || set.lines() == null) {
            return null;
        }
        return set.lines().stream().map(CreditLine::touchTime).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).map(CreditRepository::utc).orElse(null);
    }

    public Uni<Void> replaceLines(CreditSet set, List<CreditLine> lines) {
        Uni<Void> chain = Panache.getSession().chain(session -> session.createNativeQuery(DELETE_LINES)
                        .setParameter(1, set.tenant())
                        .setParameter(2, set.conversionId())
                        .setParameter(3, set.modelId())
                        .executeUpdate())
                .replaceWithVoid();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            CreditLine line = lines.get(i);
            chain = chain.chain(() -> insertLine(set, lineNo, line));
        }
        return chain;
    }

    private static Uni<Void> insertLine(CreditSet set, int lineNo, CreditLine line) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_LINE)
                        .setParameter(1, set.tenant())
                        .setParameter(2, set.conversionId())
                        .setParameter(3, set.modelId())
                        .setParameter(4, lineNo)
                        .setParameter(5, line.channel())
                        .setParameter(6, line.source())
                        .setParameter(7, line.medium())
                        .setParameter(8, line.campaign())
                        .setParameter(9, line.creditMinor())
                        .setParameter(10, BigDecimal.valueOf(line.fractionalConversions()))
                        .setParameter(11, line.baseCreditMinor())
                        .setParameter(12, line.touchTime() == null ? null : utc(line.touchTime()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Revenue per channel, campaign and currency of the conversions in [{@code from}, {@code until}). */
    public Uni<List<RevenueGroup>> revenue(String tenant, String modelId, Instant from, Instant until) {
        return NativeRows.list(REVENUE, tenant, modelId, utc(from), utc(until))
                .map(rows -> rows.stream().map(CreditRepository::group).toList());
    }

    /**
     * The period's conversions a fallback model credited: per channel, campaign and currency of their lines,
     * then per currency (channel and campaign null) — a conversion split over several lines counts once in each.
     */
    public Uni<List<FallbackGroup>> fallbacks(String tenant, String modelId, Instant from, Instant until) {
        return fallbackQuery(FALLBACK_ROWS, tenant, modelId, from, until)
                .map(rows -> rows.stream().map(row -> new FallbackGroup(text(row, "channel"), text(row, "campaign"),
                        trimmed(row, "currency"), text(row, "fallback_model_id"), longValue(row, "conversions")))
                        .toList())
                .chain(byRow -> fallbackQuery(FALLBACK_TOTALS, tenant, modelId, from, until)
                        .map(rows -> {
                            List<FallbackGroup> all = new java.util.ArrayList<>(byRow);
                            rows.forEach(row -> all.add(new FallbackGroup(null, null, trimmed(row, "currency"),
                                    text(row, "fallback_model_id"), longValue(row, "conversions"))));
                            return all;
                        }));
    }

    private static Uni<List<Tuple>> fallbackQuery(String sql, String tenant, String modelId, Instant from,
                                                  Instant until) {
        return NativeRows.list(sql, tenant, modelId, utc(from), utc(until));
    }

    private static RevenueGroup group(Tuple row) {
        String currency = trimmed(row, "currency");
        return new RevenueGroup(text(row, "channel"), text(row, "campaign"), currency,
                RevenueSums.exact(decimal(row, "revenue_minor"), currency), decimal(row, "conversions"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
