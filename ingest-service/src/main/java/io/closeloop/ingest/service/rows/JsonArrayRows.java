package io.closeloop.ingest.service.rows;

import io.closeloop.ingest.service.StrictUtf8;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.ProblemMappers;
import java.io.IOException;
import java.io.InputStream;

/**
 * The elements of a JSON array, read one at a time with Jackson's streaming parser. An element of the wrong
 * shape, {@code null} or longer than the row limit is a rejected row; broken JSON or invalid UTF-8 ends the read
 * there, since nothing after it can be trusted.
 */
final class JsonArrayRows<R> implements RowSource<R> {

    private final JsonParser parser;
    private final ObjectReader reader;
    private final int maxRowBytes;
    private long number;
    private boolean done;
    private String unreadRest;

    /** @throws InvalidInputException or a Jackson exception when the body does not start a JSON array */
    JsonArrayRows(ObjectMapper mapper, ObjectReader reader, InputStream in, int maxRowBytes) throws IOException {
        this.reader = reader;
        this.maxRowBytes = maxRowBytes;
        this.parser = mapper.createParser(in);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            parser.close();
            throw new InvalidInputException("$", "a JSON array of events is required");
        }
    }

    @Override
    public Row<R> next() throws IOException {
        if (done) {
            return null;
        }
        JsonNode element;
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            number++;
            if (token == null) {
                return end(FieldError.of("$", "the array is not closed"));
            }
            long start = parser.currentTokenLocation().getByteOffset();
            element = parser.readValueAsTree();
            long size = parser.currentLocation().getByteOffset() - start;
            if (start >= 0 && size > maxRowBytes) {
                return Row.unreadable(number, FieldError.of("$", "the row is longer than " + maxRowBytes + " bytes"));
            }
        } catch (JsonProcessingException e) {
            return end(FieldError.of("$", "malformed JSON; rows from here on were not read"));
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            return end(FieldError.of("$", e.getMessage() + "; rows from here on were not read"));
        }
        if (element == null || element.isNull()) {
            return Row.unreadable(number, FieldError.of("$", "must be a JSON object, not null"));
        }
        try {
            return Row.of(number, reader.readValue(element));
        } catch (JsonProcessingException e) {
            return Row.unreadable(number, ProblemMappers.fieldError(e));
        }
    }

    private Row<R> end(FieldError error) {
        done = true;
        unreadRest = error.reason();
        return Row.unreadable(number, error);
    }

    @Override
    public String unreadRest() {
        return unreadRest;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
