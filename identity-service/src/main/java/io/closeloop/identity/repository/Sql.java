package io.closeloop.identity.repository;

import io.closeloop.messaging.NativeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Native statements in the caller's session (parameters are bound in order as ?1, ?2, ...) and the conversions
 * between Java values and their parameters and columns.
 */
final class Sql {

    /**
     * A timestamptz column read as exact epoch microseconds, so no driver type mapping is involved; named after
     * the column (without its table alias) so the row can be read by name.
     */
    static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::bigint as "
                + column.substring(column.lastIndexOf('.') + 1);
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

    /** The rows of a select, read by column name (see {@link NativeRows}). */
    static Uni<List<Tuple>> tuples(String sql, Object... params) {
        return NativeRows.list(sql, params);
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

    /** A column written by {@link #micros(String)}; null when the timestamp is null. */
    static Instant ofMicros(Tuple row, String column) {
        Object micros = row.get(column);
        return micros == null ? null : ofMicros(micros);
    }

    /** A column written by {@link #micros(String)}. */
    static Instant ofMicros(Object micros) {
        return Instant.EPOCH.plus(((Number) micros).longValue(), ChronoUnit.MICROS);
    }

    /** The person and every person merged into it, directly or through others ({@code ?1} tenant, {@code ?2} root). */
    static final String TREE = "with recursive tree(person_id) as (select cast(?2 as uuid)"
            + " union all select p.person_id from person p join tree t on p.merged_into = t.person_id"
            + " where p.tenant = ?1) ";

    // Conversions between Java values and the parameters and columns of native statements.
    /** Binds a uuid[] parameter as text: {@code cast(string_to_array(?n, ',') as uuid[])}. */
    static final String UUID_ARRAY = "cast(string_to_array(cast(?%d as text), ',') as uuid[])";

    static String uuidArray(int parameter) {
        return String.format(UUID_ARRAY, parameter);
    }

    static String joined(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static String joinedText(Collection<String> values) {
        return String.join(",", values);
    }

    static List<UUID> uuids(Object joined) {
        String text = joined == null ? "" : joined.toString();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(UUID::fromString).toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
