package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.HasEventId;
import java.util.Map;
import java.util.UUID;

/** What every typed kind shares (its beans are {@code @Singleton}: stateless, no proxy needed): its name, request type, client event id, CSV reading and event times. */
abstract class TypedKind<R extends HasEventId> implements EventKind<R> {

    private final String name;
    private final Class<R> type;
    private final RequestReaders readers;
    private final IngestConfig config;

    TypedKind(String name, Class<R> type, RequestReaders readers, IngestConfig config) {
        this.name = name;
        this.type = type;
        this.readers = readers;
        this.config = config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<R> requestType() {
        return type;
    }

    @Override
    public UUID requestedEventId(R request) {
        return request.eventId();
    }

    @Override
    public R fromCsv(Map<String, String> row) {
        return readers.fromCsv(row, type);
    }

    EventTime time(Violations violations, String occurredAt, String timeZone, TenantContext context) {
        return EventFields.time(violations, occurredAt, timeZone, context, config.futureTolerance());
    }
}
