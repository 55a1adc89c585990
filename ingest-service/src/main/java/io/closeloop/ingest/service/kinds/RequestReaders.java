package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.service.StrictInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closeloop.common.InvalidInputException;
import io.closeloop.common.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads request records strictly (unknown fields refused), from JSON or from a header-mapped CSV row. */
@ApplicationScoped
public class RequestReaders {

    private final ObjectMapper mapper;
    private final ObjectMapper csvMapper;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> csvReaders = new ConcurrentHashMap<>();

    public RequestReaders(ObjectMapper mapper) {
        this.mapper = StrictInput.forJson(mapper);
        this.csvMapper = StrictInput.forCsv(mapper);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectReader reader(Class<?> type) {
        return readers.computeIfAbsent(type, t -> mapper.readerFor(t)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    private ObjectReader csvReader(Class<?> type) {
        return csvReaders.computeIfAbsent(type, t -> csvMapper.readerFor(t)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    /**
     * A CSV row as the JSON object it stands for: {@code utm.source} becomes {@code {"utm":{"source":..}}};
     * empty cells are absent. Scalars stay text; numbers are read from text by {@link StrictInput}'s one rule.
     */
    public <R> R fromCsv(Map<String, String> row, Class<R> type) {
        ObjectNode root = mapper.createObjectNode();
        row.forEach((column, value) -> {
            if (column == null || value == null || value.isEmpty()) {
                return;
            }
            String[] path = column.trim().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.get(path[i]) instanceof ObjectNode child ? child : node.putObject(path[i]);
            }
            node.put(path[path.length - 1], value);
        });
        try {
            return csvReader(type).readValue(root);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(ProblemMappers.fieldError(e)));
        } catch (java.io.IOException e) {
            throw new InvalidInputException("$", "unreadable row");
        }
    }
}
