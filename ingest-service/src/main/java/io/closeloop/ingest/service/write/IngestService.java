package io.closeloop.ingest.service.write;

import io.closeloop.ingest.service.StrictUtf8;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.closeloop.common.InvalidInputException;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.config.TenantContextLoader;
import io.closeloop.ingest.service.kinds.EventKind;
import io.closeloop.ingest.service.kinds.EventKinds;
import io.closeloop.ingest.service.kinds.Prepared;
import io.closeloop.ingest.service.kinds.RequestReaders;
import io.closeloop.ingest.service.rows.RowSource;
import io.closeloop.ingest.service.rows.RowSources;
import io.closeloop.ingest.service.write.BatchResult;
import io.closeloop.ingest.service.write.IngestResult;
import io.closeloop.ingest.service.upload.BodyTooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Accepts events of any kind, one or many: validates, hashes identifiers, and stores each raw event with its
 * publish intent in one transaction. Answering means the accepted events are durable. Runs on worker threads.
 */
@ApplicationScoped
public class IngestService {

    private final EventKinds kinds;
    private final TenantContextLoader contexts;
    private final RowSources sources;
    private final RequestReaders readers;
    private final WritePath writePath;
    private final IngestConfig config;

    public IngestService(EventKinds kinds, TenantContextLoader contexts, RowSources sources, RequestReaders readers,
                         WritePath writePath, IngestConfig config) {
        this.kinds = kinds;
        this.contexts = contexts;
        this.sources = sources;
        this.readers = readers;
        this.writePath = writePath;
        this.config = config;
    }

    /** One JSON event; bad input throws (answered 400), a duplicate is a normal outcome. */
    public IngestResult acceptOne(String tenant, String sourceClient, String kindName, InputStream body,
                                  String idempotencyKey) throws IOException {
        EventKind<?> kind = kinds.get(kindName);
        try {
            IngestResult result = one(kind, tenant, sourceClient, body, idempotencyKey);
            writePath.count(kind.name(), IngestResult.DUPLICATE.equals(result.status()) ? WritePath.DUPLICATE
                    : WritePath.ACCEPTED, 1);
            return result;
        } catch (InvalidInputException | JsonProcessingException e) {
            writePath.count(kind.name(), WritePath.REJECTED, 1);
            throw e;
        }
    }

    private <R> IngestResult one(EventKind<R> kind, String tenant, String sourceClient, InputStream body,
                                 String idempotencyKey) throws IOException {
        R request;
        try (JsonParser parser = readers.mapper().createParser(new StrictUtf8(body))) {
            if (parser.nextToken() == null) {
                throw new InvalidInputException("$", "a JSON body is required");
            }
            request = readers.reader(kind.requestType()).readValue(parser);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            throw new InvalidInputException("$", e.getMessage());
        }
        if (request == null) {
            throw new InvalidInputException("$", "a JSON object is required, not null");
        }
        TenantContext context = contexts.load(tenant, sourceClient);
        UUID eventId = RowIds.single(tenant, kind.requestedEventId(request), idempotencyKey);
        Prepared prepared = writePath.prepare(kind, request, eventId, context);
        Set<UUID> stored = writePath.store(context, List.of(prepared));
        return new IngestResult(eventId, stored.isEmpty() ? IngestResult.DUPLICATE : IngestResult.ACCEPTED,
                prepared.warnings());
    }

    /**
     * Many events in one body ({@link RowSources#TYPES}), each row validated on its own. Rows without an event id
     * get one derived from the Idempotency-Key and their row number, so a re-sent batch counts as duplicates.
     *
     * @throws BatchTooLargeException when the body grows beyond its limit while chunks of it were stored already;
     *                                it says through which row everything is settled
     */
    public BatchResult acceptBatch(String tenant, String sourceClient, String kindName, String type, InputStream body,
                                   String idempotencyKey) throws IOException {
        EventKind<?> kind = kinds.get(kindName);
        BatchProgress progress = new BatchProgress(config.maxErrors());
        try {
            run(kind, tenant, sourceClient, type, body, RowIds.forBatch(tenant, kind.name(), idempotencyKey),
                    progress, WritePath.ChunkListener.NONE);
        } catch (BodyTooLargeException e) {
            throw new BatchTooLargeException(e.limit(), progress);
        }
        return progress.result();
    }

    /** Reads {@code body} as rows of {@code kind} and stores them chunk by chunk. */
    public <R> void run(EventKind<R> kind, String tenant, String sourceClient, String type, InputStream body,
                        RowIds ids, BatchProgress progress, WritePath.ChunkListener listener) throws IOException {
        try (RowSource<R> rows = sources.open(kind, type, body)) {
            writePath.run(kind, contexts.load(tenant, sourceClient), rows, ids, progress, listener);
        }
    }
}
