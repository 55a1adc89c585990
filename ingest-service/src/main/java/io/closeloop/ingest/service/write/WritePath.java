package io.closeloop.ingest.service.write;

import io.agroal.api.AgroalDataSource;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.contracts.Json;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.repository.RawEventRepository;
import io.closeloop.ingest.repository.RawEventRow;
import io.closeloop.ingest.service.StoreUnavailableException;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.kinds.EventKind;
import io.closeloop.ingest.service.kinds.Prepared;
import io.closeloop.ingest.service.rows.Row;
import io.closeloop.ingest.service.rows.RowSource;
import io.closeloop.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

/**
 * The one write path of every kind and transport: rows are validated one by one, and the valid ones are
 * stored in chunks, each chunk in one transaction that writes the raw events and their outbox rows together.
 * A chunk that fails stores nothing; its rows are reported as not stored and the next chunk goes on.
 */
@ApplicationScoped
public class WritePath {

    private static final Logger LOG = Logger.getLogger(WritePath.class);

    private final AgroalDataSource dataSource;
    private final RawEventRepository rawEvents;
    private final IngestConfig config;
    /** Where a batch's time goes: reading rows off the body, validating and hashing them, storing chunks. */
    private final Timer reading;
    private final Timer preparing;
    private final Timer storing;
    private final MeterRegistry registry;

    public WritePath(AgroalDataSource dataSource, RawEventRepository rawEvents, IngestConfig config,
                     MeterRegistry registry) {
        this.dataSource = dataSource;
        this.rawEvents = rawEvents;
        this.config = config;
        this.reading = phase(registry, "read");
        this.preparing = phase(registry, "prepare");
        this.storing = phase(registry, "store");
        this.registry = registry;
    }

    private static Timer phase(MeterRegistry registry, String phase) {
        return Timer.builder("closeloop.ingest.rows").tag("phase", phase)
                .description("Time spent per phase of the write path, summed over rows and chunks").register(registry);
    }

    /** Outcomes of {@code closeloop.ingest.rows{kind,outcome}}, counted per row on every transport. */
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    /** Counts {@code rows} rows of {@code kind} with {@code outcome} in {@code closeloop.ingest.rows}. */
    public void count(String kind, String outcome, long rows) {
        if (rows > 0) {
            Counter.builder("closeloop.ingest.rows").tag("kind", kind).tag("outcome", outcome)
                    .description("Rows received per kind: accepted, duplicate (known event id) or rejected")
                    .register(registry).increment(rows);
        }
    }

    /** Told after every chunk, e.g. to record an upload job's progress. */
    public interface ChunkListener {
        ChunkListener NONE = progress -> {
        };

        void afterChunk(BatchProgress progress);
    }

    /** A prepared row waiting for its chunk to be stored. */
    private record Pending(long row, Prepared prepared) {
    }

    /** Reads, validates and stores every row of {@code rows}; the counts and errors land in {@code progress}. */
    public <R> void run(EventKind<R> kind, TenantContext context, RowSource<R> rows, RowIds ids,
                        BatchProgress progress, ChunkListener listener) throws IOException {
        List<Pending> chunk = new ArrayList<>(config.chunkSize());
        long mark = System.nanoTime();
        for (Row<R> row = rows.next(); row != null; row = rows.next()) {
            mark = lap(reading, mark);
            progress.read(row.number());
            Pending pending = prepare(kind, context, row, ids, progress);
            mark = lap(preparing, mark);
            if (pending != null) {
                chunk.add(pending);
            }
            if (chunk.size() >= config.chunkSize()) {
                storeChunk(kind.name(), context, chunk, progress);
                chunk.clear();
                progress.settled();
                listener.afterChunk(progress);
                mark = System.nanoTime();
            }
        }
        if (!chunk.isEmpty()) {
            storeChunk(kind.name(), context, chunk, progress);
        }
        progress.settled();
        progress.unreadRest(rows.unreadRest());
        listener.afterChunk(progress);
    }

    private static long lap(Timer timer, long since) {
        long now = System.nanoTime();
        timer.record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }

    private <R> Pending prepare(EventKind<R> kind, TenantContext context, Row<R> row, RowIds ids,
                                BatchProgress progress) {
        if (!row.errors().isEmpty()) {
            progress.rejected(row.number(), row.errors());
            count(kind.name(), REJECTED, 1);
            return null;
        }
        if (row.request() == null) {
            progress.rejected(row.number(), List.of(FieldError.of("$", "must be a JSON object")));
            count(kind.name(), REJECTED, 1);
            return null;
        }
        try {
            UUID eventId = ids.idFor(row.number(), kind.requestedEventId(row.request()));
            return new Pending(row.number(), prepare(kind, row.request(), eventId, context));
        } catch (InvalidInputException e) {
            progress.rejected(row.number(), e.errors());
        } catch (RuntimeException e) {
            LOG.errorf(e, "row %d of a %s batch could not be prepared", row.number(), kind.name());
            progress.rejected(row.number(), List.of(FieldError.of("$", "could not be processed; it has been logged")));
        }
        count(kind.name(), REJECTED, 1);
        return null;
    }

    /**
     * Validates one request and stamps what ingest adds itself (the source client); counts the contact fields
     * that had to be dropped.
     */
    public <R> Prepared prepare(EventKind<R> kind, R request, UUID eventId, TenantContext context) {
        Prepared prepared = EventStamps.sourceClient(kind.prepare(request, eventId, context), context.sourceClient());
        for (FieldError warning : prepared.warnings()) {
            registry.counter("closeloop.ingest.identifiers.dropped", "kind", kind.name(), "field", warning.field())
                    .increment();
        }
        return prepared;
    }

    private void storeChunk(String kind, TenantContext context, List<Pending> chunk, BatchProgress progress) {
        List<Prepared> rows = new ArrayList<>(chunk.size());
        Set<UUID> inChunk = new HashSet<>();
        long repeated = 0;
        for (Pending pending : chunk) {
            if (inChunk.add(pending.prepared().eventId())) {
                rows.add(pending.prepared());
            } else {
                repeated++;
            }
        }
        long began = System.nanoTime();
        try {
            int stored = store(context, rows).size();
            lap(storing, began);
            progress.accepted(stored);
            progress.duplicate(rows.size() - stored + repeated);
            count(kind, ACCEPTED, stored);
            count(kind, DUPLICATE, rows.size() - stored + repeated);
            chunk.forEach(pending -> progress.warned(pending.row(), pending.prepared().warnings()));
        } catch (StoreUnavailableException e) {
            LOG.warnf(e.getCause(), "a chunk of %d rows (rows %d to %d) was not stored", chunk.size(),
                    chunk.get(0).row(), chunk.get(chunk.size() - 1).row());
            FieldError notStored = FieldError.of("$", "not stored: the database refused the rows "
                    + chunk.get(0).row() + " to " + chunk.get(chunk.size() - 1).row()
                    + " together; none of them was stored or published, send them again");
            chunk.forEach(pending -> progress.rejected(pending.row(), List.of(notStored)));
            count(kind, REJECTED, chunk.size());
        }
    }

    /**
     * Stores events with distinct event ids in one transaction; conversions publish the ingest sequence they are
     * stored with.
     *
     * @return the ids that were new; the others were known already (duplicates)
     * @throws StoreUnavailableException when the transaction failed; then nothing of it was stored
     */
    public Set<UUID> store(TenantContext context, List<Prepared> events) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sequenced = (int) events.stream().filter(EventStamps::sequenced).count();
                long[] sequences = sequenced == 0 ? new long[0] : rawEvents.nextSequences(connection, sequenced);
                List<RawEventRow> rows = new ArrayList<>(events.size());
                int next = 0;
                for (Prepared event : events) {
                    if (EventStamps.sequenced(event)) {
                        long sequence = sequences[next++];
                        rows.add(row(EventStamps.withSequence(event, sequence), sequence, context.sourceClient()));
                    } else {
                        rows.add(row(event, null, context.sourceClient()));
                    }
                }
                Set<UUID> stored = rawEvents.store(connection, context.tenant(), rows);
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("the events could not be stored", e);
        }
    }

    private static RawEventRow row(Prepared prepared, Long sequence, String sourceClient) {
        Map<String, String> headers = Outbox.headers(prepared.topic(), prepared.value().tenant(), prepared.eventId());
        if (sourceClient != null) {
            headers.put(EventStamps.SOURCE_CLIENT_HEADER, sourceClient);
        }
        return new RawEventRow(prepared.eventId(), prepared.rawKind(), prepared.occurredAt(), prepared.topic().name(),
                prepared.key(), Json.write(prepared.value()), Json.write(headers), sequence);
    }
}
