package io.closeloop.reporting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Keeps {@code credit_day} and {@code credit_touch_day} in step with the stored credit sets, in the caller's
 * transaction. A conversion's sets and its flags arrive on two topics, consumed concurrently: each change first takes
 * {@link #lockConversion}, so that a set withdrawn while its conversion's flags change is subtracted once, not by both
 * transactions.
 */
@ApplicationScoped
public class CreditDayRepository {

    private static final String SHARED = "select 1 from pg_advisory_xact_lock_shared(hashtextextended(?1, 0))";
    private static final String EXCLUSIVE = "select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))";

    /**
     * Serializes the changes to one conversion's daily sums until the transaction ends; a tenant rebuild
     * ({@link #lockTenant}) waits for them and they for it. Always tenant first, then conversion: no deadlock.
     */
    public Uni<Void> lockConversion(String tenant, String conversionId) {
        return lock(SHARED, "credit-day:" + tenant).chain(() -> lock(EXCLUSIVE,
                "credit-day:" + tenant + ":" + conversionId));
    }

    /** Holds off every conversion change of the tenant until the transaction ends. */
    public Uni<Void> lockTenant(String tenant) {
        return lock(EXCLUSIVE, "credit-day:" + tenant);
    }

    /** Takes out the stored version of a set that {@code newVersion} is about to replace; none if it will not. */
    public Uni<Void> subtractReplaced(String tenant, String conversionId, String modelId, long newVersion) {
        return both(days -> run(days.subtractReplacedSet(), tenant, conversionId, modelId, newVersion));
    }

    public Uni<Void> addSet(String tenant, String conversionId, String modelId) {
        return both(days -> run(days.addSet(), tenant, conversionId, modelId));
    }

    public Uni<Void> subtractConversion(String tenant, String conversionId) {
        return both(days -> run(days.subtractConversion(), tenant, conversionId));
    }

    public Uni<Void> addConversion(String tenant, String conversionId) {
        return both(days -> run(days.addConversion(), tenant, conversionId));
    }

    /** Files the tenant's days again, in the zone now stored for it. */
    public Uni<Void> rebuild(String tenant) {
        return both(days -> run(days.clearTenant(), tenant).chain(() -> run(days.addTenant(), tenant)));
    }

    /** The change to the sums by conversion day ({@code credit_day}), then to those by touch day. */
    private static Uni<Void> both(Function<CreditDaySql.Statements, Uni<Void>> change) {
        return change.apply(CreditDaySql.CONVERSION_DAY).chain(() -> change.apply(CreditDaySql.TOUCH_DAY));
    }

    private static Uni<Void> lock(String sql, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Integer.class)
                .setParameter(1, key).getSingleResult()).replaceWithVoid();
    }

    /** Runs a statement with its ?n parameters in the caller's transaction. */
    static Uni<Void> run(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
