package io.closeloop.identity.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Conversions between Java values and the parameters and columns of native statements. */
final class SqlParams {

    /** Binds a uuid[] parameter as text: {@code cast(string_to_array(?n, ',') as uuid[])}. */
    static final String UUID_ARRAY = "cast(string_to_array(cast(?%d as text), ',') as uuid[])";

    private SqlParams() {
    }

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

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (column instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof java.util.Date date) {
            return date.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + column.getClass());
    }
}
