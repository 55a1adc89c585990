package io.closeloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Multi-document YAML as JSON trees: what `helm template` prints and what k8s/ holds. */
final class Documents {

    static final YAMLMapper YAML = new YAMLMapper();

    private Documents() {
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode node = iterator.next();
                if (node instanceof ObjectNode object && !object.isEmpty()) {
                    documents.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<ObjectNode> ofKind(List<ObjectNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(d -> name.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static String describe(JsonNode document) {
        return document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
    }

    static ObjectMapper json() {
        return new ObjectMapper();
    }
}
