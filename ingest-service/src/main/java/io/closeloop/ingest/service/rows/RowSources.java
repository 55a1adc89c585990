package io.closeloop.ingest.service.rows;

import io.closeloop.ingest.service.StrictUtf8;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.service.kinds.EventKind;
import io.closeloop.ingest.service.kinds.RequestReaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * Opens the rows of a body by its content type: a JSON array, NDJSON or CSV. Every row is bounded by
 * {@link IngestConfig#maxRowBytes()} and must be well-formed UTF-8 ({@link StrictUtf8}).
 */
@ApplicationScoped
public class RowSources {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    public static final Set<String> TYPES = Set.of(JSON, NDJSON, CSV);

    private final RequestReaders readers;
    private final IngestConfig config;

    public RowSources(RequestReaders readers, IngestConfig config) {
        this.readers = readers;
        this.config = config;
    }

    /** The media type without parameters, lower case; null when it is not one of {@link #TYPES}. */
    public static String supported(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return TYPES.contains(type) ? type : null;
    }

    public <R> RowSource<R> open(EventKind<R> kind, String type, InputStream in) throws IOException {
        return switch (type) {
            case JSON -> new JsonArrayRows<>(readers.mapper(), readers.reader(kind.requestType()),
                    new StrictUtf8(in), config.maxRowBytes());
            case NDJSON -> new NdjsonRows<>(readers.reader(kind.requestType()), in, config.maxRowBytes());
            case CSV -> new CsvRows<>(kind::fromCsv, new StrictUtf8(in), config.maxRowBytes());
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
    }
}
