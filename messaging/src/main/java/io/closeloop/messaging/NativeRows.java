package io.closeloop.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL run in the caller's Hibernate Reactive session with its rows read by column name, never by position,
 * so adding or reordering a selected column cannot shift another one into the wrong field. Parameters bind in
 * order as ?1, ?2, ...; give every computed column an alias in lower case (PostgreSQL folds unquoted names).
 */
public final class NativeRows {

    private NativeRows() {
    }

    public static Uni<List<Tuple>> list(String sql, Object... params) {
        return Panache.getSession().chain(session -> list(session, sql, params));
    }

    /** The same in the given session. */
    public static Uni<List<Tuple>> list(Mutiny.Session session, String sql, Object... params) {
        var query = session.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    public static String text(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    /** A {@code char(n)} column (currency codes) without its padding. */
    public static String trimmed(Tuple row, String column) {
        String value = text(row, column);
        return value == null ? null : value.trim();
    }

    public static long longValue(Tuple row, String column) {
        return number(row, column).longValue();
    }

    public static int intValue(Tuple row, String column) {
        return number(row, column).intValue();
    }

    public static double doubleValue(Tuple row, String column) {
        return number(row, column).doubleValue();
    }

    public static BigDecimal decimal(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : new BigDecimal(value.toString());
    }

    public static UUID uuid(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static Instant instant(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new IllegalArgumentException("column " + column + " is not a timestamp: " + value.getClass());
    }

    private static Number number(Tuple row, String column) {
        Object value = row.get(column);
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("column " + column + " is not a number: " + value);
    }
}
