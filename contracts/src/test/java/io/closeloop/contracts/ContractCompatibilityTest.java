package io.closeloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every record keeps reading every sample it ever published. A sample per topic and schema version lives
 * in {@code src/test/resources/samples/<topic>.v<version>.json}; removing or renaming a field fails the
 * strict read, retyping it fails the round trip, and the newest sample must show every field.
 */
class ContractCompatibilityTest {

    private static final ObjectMapper STRICT = Json.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TestFactory
    Stream<DynamicTest> everySampleOfEveryVersionStillReads() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TopicSpec<?> topic : Topics.all()) {
            for (int version = 1; version <= topic.schemaVersion(); version++) {
                String file = topic.name() + ".v" + version + ".json";
                tests.add(DynamicTest.dynamicTest(file, () -> assertRoundTrip(topic, file)));
            }
            String latest = topic.name() + ".v" + topic.schemaVersion() + ".json";
            tests.add(DynamicTest.dynamicTest(latest + " shows every field",
                    () -> assertCoversAllFields(topic.valueType(), sample(latest), latest)));
        }
        return tests.stream();
    }

    private static void assertRoundTrip(TopicSpec<?> topic, String file) throws IOException {
        JsonNode sample = sample(file);
        Object value = STRICT.treeToValue(sample, topic.valueType());
        JsonNode again = Json.mapper().valueToTree(value);
        assertContains(again, sample, file);
    }

    /** Every field of the sample comes back with the same JSON type and value; new fields may be added. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object").isTrue();
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path + "." + field.getKey();
                assertThat(actual.has(field.getKey())).as(child + " still exists").isTrue();
                assertContains(actual.get(field.getKey()), field.getValue(), child);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual.getNodeType()).as(path + " JSON type").isEqualTo(expected.getNodeType());
            if (expected.isNumber()) {
                assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
            } else {
                assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
            }
        }
    }

    private static void assertCoversAllFields(Class<?> type, JsonNode sample, String path) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String child = path + "." + component.getName();
            if (!sample.has(component.getName())) {
                fail(child + " is missing from the newest sample: add it so the sample documents the contract");
            }
            JsonNode node = sample.get(component.getName());
            Class<?> nested = elementType(component.getGenericType());
            if (nested != null && nested.isRecord()) {
                JsonNode element = node.isArray() ? node.get(0) : node;
                if (element == null) {
                    fail(child + " needs at least one element in the newest sample");
                }
                assertCoversAllFields(nested, element, child);
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static JsonNode sample(String file) throws IOException {
        try (InputStream in = ContractCompatibilityTest.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                fail("missing sample /samples/" + file + ": every topic needs one per schema version");
            }
            return Json.mapper().readTree(in);
        }
    }
}
