package io.closeloop.reporting.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@code credit_conversion} in step with the stored credit sets, in the caller's transaction and under the
 * caller's {@link CreditDayRepository#lockConversion} or {@link CreditDayRepository#lockTenant}.
 */
@ApplicationScoped
public class CreditConversionRepository {

    /** Replaces the rows of a set just stored; a linear set also restates the path on the conversion's other rows. */
    public Uni<Void> refileSet(String tenant, String conversionId, String modelId) {
        Uni<Void> set = run(CreditConversionSql.DELETE_SET, tenant, conversionId, modelId)
                .chain(() -> run(CreditConversionSql.ADD_SET, tenant, conversionId, modelId));
        return "linear".equals(modelId)
                ? set.chain(() -> run(CreditConversionSql.REFILE_PATH, tenant, conversionId)) : set;
    }

    /** Files the tenant's rows again, in the zone now stored for it. */
    public Uni<Void> rebuild(String tenant) {
        return run(CreditConversionSql.CLEAR_TENANT, tenant).chain(() -> run(CreditConversionSql.ADD_TENANT, tenant));
    }

    private static Uni<Void> run(String sql, Object... params) {
        return CreditDayRepository.run(sql, params);
    }
}
