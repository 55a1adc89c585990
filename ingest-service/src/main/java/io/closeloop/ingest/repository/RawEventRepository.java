package io.closeloop.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The raw-event store: every accepted event once, hashed, exactly as published (the replay source). A chunk of
 * events is stored with its publish intents (outbox rows) in one statement, so neither exists without the other.
 */
@ApplicationScoped
public class RawEventRepository {

    /*
     * One round trip per chunk: the arrays are unnested into rows, new events are inserted (known ids are
     * skipped), and exactly the inserted ones are queued in the outbox, in the chunk's order.
     */
    private static final String STORE = """
            with input as (
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::bigint[])
                    with ordinality as t(event_id, kind, occurred_at, topic, record_key, payload, headers, seq, ord)
            ), stored as (
                insert into raw_event (tenant, event_id, kind, occurred_at, topic, record_key, payload, headers,
                                       ingest_sequence)
                select ?, event_id, kind, occurred_at::timestamptz, topic, record_key, payload, headers,
                       coalesce(seq, nextval('raw_event_ingest_sequence')) from input order by ord
                on conflict (tenant, event_id) do nothing
                returning event_id
            ), queued as (
                insert into outbox_event (event_id, tenant, topic, record_key, payload, headers)
                select i.event_id, ?, i.topic, i.record_key, i.payload, i.headers
                from input i join stored s on s.event_id = i.event_id order by i.ord
            )
            select event_id from stored
            """;

    private static final String NEXT_SEQUENCES =
            "select nextval('raw_event_ingest_sequence') from generate_series(1, ?)";

    /** Same-tenant events in the range, in time order, back into the outbox with their original ids. */
    private static final String REPLAY = """
            insert into outbox_event (event_id, tenant, topic, record_key, payload, headers)
            select event_id, tenant, topic, record_key, payload, headers from raw_event
            where tenant = ? and occurred_at >= ? and occurred_at < ? and (? or kind = any(?))
            order by occurred_at, event_id
            """;

    /**
     * Stores the rows whose event id is new for the tenant, each with its outbox row, inside the caller's
     * transaction. The rows' event ids must be distinct.
     *
     * @return the ids that were new (the others are duplicates)
     */
    public Set<UUID> store(Connection connection, String tenant, List<RawEventRow> rows) throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] kinds = new String[n];
        String[] times = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        String[] headers = new String[n];
        Long[] sequences = new Long[n];
        for (int i = 0; i < n; i++) {
            RawEventRow row = rows.get(i);
            ids[i] = row.eventId();
            kinds[i] = row.kind();
            // ISO-8601 in UTC: independent of the session's time zone.
            times[i] = row.occurredAt().toString();
            topics[i] = row.topic();
            keys[i] = row.key();
            payloads[i] = row.payload();
            headers[i] = row.headers();
            sequences[i] = row.ingestSequence();
        }
        try (PreparedStatement statement = connection.prepareStatement(STORE)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.setArray(2, connection.createArrayOf("text", kinds));
            statement.setArray(3, connection.createArrayOf("text", times));
            statement.setArray(4, connection.createArrayOf("text", topics));
            statement.setArray(5, connection.createArrayOf("text", keys));
            statement.setArray(6, connection.createArrayOf("text", payloads));
            statement.setArray(7, connection.createArrayOf("text", headers));
            statement.setArray(8, connection.createArrayOf("bigint", sequences));
            statement.setString(9, tenant);
            statement.setString(10, tenant);
            Set<UUID> stored = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getObject(1, UUID.class));
                }
            }
            return stored;
        }
    }

    /** {@code count} numbers of the ingest sequence, ascending, inside the caller's transaction. */
    public long[] nextSequences(Connection connection, int count) throws SQLException {
        long[] numbers = new long[count];
        try (PreparedStatement statement = connection.prepareStatement(NEXT_SEQUENCES)) {
            statement.setInt(1, count);
            try (ResultSet result = statement.executeQuery()) {
                for (int i = 0; i < count && result.next(); i++) {
                    numbers[i] = result.getLong(1);
                }
            }
        }
        Arrays.sort(numbers);
        return numbers;
    }

    /**
     * Queues the tenant's raw events with {@code from <= occurredAt < to} for publishing again, in time order.
     *
     * @param kinds raw kinds to include; empty for all
     * @return how many events were queued
     */
    public int replay(Connection connection, String tenant, Instant from, Instant to, List<String> kinds)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REPLAY)) {
            statement.setString(1, tenant);
            statement.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            statement.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            statement.setBoolean(4, kinds.isEmpty());
            Array array = connection.createArrayOf("text", kinds.toArray());
            statement.setArray(5, array);
            return statement.executeUpdate();
        }
    }
}
