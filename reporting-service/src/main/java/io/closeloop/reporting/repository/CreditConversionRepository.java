package io.closeloop.reporting.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Keeps {@code credit_conversion} and {@code credit_touch_conversion} in step with the stored credit sets, in the
 * caller's transaction and under the caller's {@link CreditDayRepository#lockConversion} or
 * {@link CreditDayRepository#lockTenant}.
 */
@ApplicationScoped
public class CreditConversionRepository {

    /** Replaces the rows of a set just stored; a linear set also restates the path on the conversion's other rows. */
    public Uni<Void> refileSet(String tenant, String conversionId, String modelId) {
        return both(rows -> {
            Uni<Void> set = run(rows.deleteSet(), tenant, conversionId, modelId)
                    .chain(() -> run(rows.addSet(), tenant, conversionId, modelId));
            return "linear".equals(modelId) ? set.chain(() -> run(rows.refilePath(), tenant, conversionId)) : set;
        });
    }

    /** Files the tenant's rows again, in the zone now stored for it. */
    public Uni<Void> rebuild(String tenant) {
        return both(rows -> run(rows.clearTenant(), tenant).chain(() -> run(rows.addTenant(), tenant)));
    }

    /** The change to the rows by conversion day ({@code credit_conversion}), then to those by touch day. */
    private static Uni<Void> both(Function<CreditConversionSql.Statements, Uni<Void>> change) {
        return change.apply(CreditConversionSql.CONVERSION_DAY)
                .chain(() -> change.apply(CreditConversionSql.TOUCH_DAY));
    }

    private static Uni<Void> run(String sql, Object... params) {
        return CreditDayRepository.run(sql, params);
    }
}
