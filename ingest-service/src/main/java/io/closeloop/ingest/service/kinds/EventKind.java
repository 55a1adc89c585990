package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.service.config.TenantContext;
import java.util.Map;
import java.util.UUID;

/**
 * One kind of event ingest accepts; a CDI bean per kind, found by {@link #name()}. Every transport (one JSON
 * event, JSON array, NDJSON, CSV) and the write path are shared, so a new kind needs no resource code.
 *
 * @param <R> the typed request record (read by Jackson; unknown fields are refused)
 */
public interface EventKind<R> {

    /** The URL segment: {@code touchpoints}, {@code conversions}, ... */
    String name();

    Class<R> requestType();

    /** The client's event id, or null when it sent none. */
    UUID requestedEventId(R request);

    /** Validates and normalizes one request; throws {@code InvalidInputException} naming the fields at fault. */
    Prepared prepare(R request, UUID eventId, TenantContext context);

    /**
     * Builds the request from one header-mapped CSV row: column names are the JSON field names, dotted for
     * nested fields ({@code utm.source}, {@code value.amountMinor}); empty cells count as absent.
     */
    R fromCsv(Map<String, String> row);
}
