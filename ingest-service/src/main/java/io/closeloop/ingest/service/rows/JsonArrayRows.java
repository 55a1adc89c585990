package io.closeloop.ingest.service.rows;

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
 * shape is a rejected row; broken JSON ends the read there, since nothing after it can be trusted.
 */
final class JsonArrayRows<R> implements RowSource<R> {

    private final JsonParser parser;
    private final ObjectReader reader;
    private long number;
    private boolean done;

    /** @throws InvalidInputException or a Jackson exception when the body does not start a JSON array */
    JsonArrayRows(ObjectMapper mapper, ObjectReader reader, InputStream in) throws IOException {
        this.reader = reader;
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
            element = parser.readValueAsTree();
        } catch (JsonProcessingException e) {
            return end(FieldError.of("$", "malformed JSON; rows from here on were not read"));
        }
        try {
            return Row.of(number, reader.readValue(element));
        } catch (JsonProcessingException e) {
            return Row.unreadable(number, ProblemMappers.fieldError(e));
        }
    }

    private Row<R> end(FieldError error) {
        done = true;
        return Row.unreadable(number, error);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
