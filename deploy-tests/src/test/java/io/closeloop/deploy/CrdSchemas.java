package io.closeloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Custom resources checked against the published CRDs kept in test resources (crds/SOURCES.md). The API server
 * prunes fields a structural schema does not declare; here such a field is an error, so that a typo in the chart
 * cannot pass silently.
 */
final class CrdSchemas {

    private static final List<String> FILES = List.of(
            "kafkatopics.kafka.strimzi.io.yaml", "kafkausers.kafka.strimzi.io.yaml", "scaledobjects.keda.sh.yaml",
            "prometheusrules.monitoring.coreos.com.yaml", "servicemonitors.monitoring.coreos.com.yaml");

    private final Map<String, JsonSchema> byApiVersionAndKind = new HashMap<>();

    CrdSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        for (String file : FILES) {
            JsonNode crd = load(file);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                closeObjects(schema);
                byApiVersionAndKind.put(group + "/" + version.path("name").asText() + "/" + kind,
                        factory.getSchema(schema));
            }
        }
    }

    boolean knows(JsonNode document) {
        return byApiVersionAndKind.containsKey(StrictModel.key(document));
    }

    /** The schema's complaints about the document; empty when it is valid. */
    Set<String> violations(JsonNode document) {
        JsonSchema schema = byApiVersionAndKind.get(StrictModel.key(document));
        if (schema == null) {
            return Set.of("no CRD schema for " + StrictModel.key(document));
        }
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** Objects that declare their properties accept no others, unless the schema keeps unknown fields. */
    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            if (schema != null && schema.isArray()) {
                schema.forEach(CrdSchemas::closeObjects);
            }
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            node.put("additionalProperties", false);
        }
        node.forEach(CrdSchemas::closeObjects);
    }

    private static JsonNode load(String file) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource crds/" + file);
            }
            return Documents.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
