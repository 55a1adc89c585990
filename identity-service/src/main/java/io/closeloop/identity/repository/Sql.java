package io.closeloop.identity.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Native statements in the caller's session; parameters are bound in order as ?1, ?2, ... */
final class Sql {

    /** A timestamptz column read as exact epoch microseconds, so no driver type mapping is involved. */
    static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::bigint";
    }

    private Sql() {
    }

    static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }

    static <T> Uni<List<T>> column(String sql, Class<T> type, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, type);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Object micros) {
        return Instant.EPOCH.plus(((Number) micros).longValue(), ChronoUnit.MICROS);
    }

    static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }

    /** The person and every person merged into it, directly or through others ({@code ?1} tenant, {@code ?2} root). */
    static final String TREE = "with recursive tree(person_id) as (select cast(?2 as uuid)"
            + " union all select p.person_id from person p join tree t on p.merged_into = t.person_id"
            + " where p.tenant = ?1) ";
}
