package io.closeloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The umbrella chart rendered and linted by real Helm (helm-java), with one of the value sets under test. */
enum Chart {
    DEFAULT(null, Map.of()),
    PRODUCTION("values-production.yaml", Map.of()),
    /** Where Strimzi is absent: topics by a job, no KafkaTopic or KafkaUser resources. */
    TOPIC_JOB(null, Map.of("global.kafka.strimzi.topics", "false", "global.kafka.topicJob.enabled", "true",
            "monitoring.prometheusRules.enabled", "true", "ingest-service.keda.enabled", "true"));

    static final String RELEASE = "closeloop";
    static final String NAMESPACE = "closeloop";
    private static final String HOOK = "helm.sh/hook";
    private static final String RENAMED_HOOK = "rendered.closeloop.io/hook";

    private final String valuesFile;
    private final Map<String, String> sets;
    private List<ObjectNode> rendered;

    Chart(String valuesFile, Map<String, String> sets) {
        this.valuesFile = valuesFile;
        this.sets = sets;
    }

    /**
     * Everything the chart renders, hooks included: helm-java's template prints no hooks, so the chart is rendered
     * from a copy whose hook annotations carry another name, which is put back after parsing.
     */
    synchronized List<ObjectNode> documents() {
        if (rendered == null) {
            Path copy = copyChart(text -> text.replace(HOOK, RENAMED_HOOK));
            try {
                var template = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE);
                if (valuesFile != null) {
                    template = template.withValuesFile(copy.resolve(valuesFile));
                }
                for (var set : sets.entrySet()) {
                    template = template.set(set.getKey(), set.getValue());
                }
                rendered = Documents.parse(template.call());
                rendered.forEach(Chart::restoreHookAnnotations);
            } finally {
                delete(copy);
            }
        }
        return rendered;
    }

    /** Renders the chart's own files with default values and these --set values; Helm's error as an exception. */
    static String renderWith(Map<String, String> sets) {
        var template = new Helm(Repo.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (var set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    private static void restoreHookAnnotations(ObjectNode document) {
        if (document.path("metadata").path("annotations") instanceof ObjectNode annotations) {
            List<String> keys = new java.util.ArrayList<>();
            annotations.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (key.startsWith(RENAMED_HOOK)) {
                    annotations.set(HOOK + key.substring(RENAMED_HOOK.length()), annotations.remove(key));
                }
            }
        }
    }

    /** The effective values: values.yaml overlaid with this set's values file and its (boolean) --set values. */
    JsonNode effectiveValues() {
        JsonNode base = readYaml(Repo.chart().resolve("values.yaml"));
        if (valuesFile != null) {
            merge((ObjectNode) base, readYaml(Repo.chart().resolve(valuesFile)));
        }
        for (var set : sets.entrySet()) {
            String[] path = set.getKey().split("\\.");
            ObjectNode node = (ObjectNode) base;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
            }
            node.put(path[path.length - 1], Boolean.parseBoolean(set.getValue()));
        }
        return base;
    }

    /**
     * helm-java's lint takes no values file, so the chart is copied and its values.yaml replaced by the
     * effective values.
     */
    LintResult lint() {
        Path copy = copyChart(text -> text);
        try {
            Documents.YAML.writeValue(copy.resolve("values.yaml").toFile(), effectiveValues());
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    private static Path copyChart(UnaryOperator<String> transform) {
        try {
            Path copy = Files.createTempDirectory("closeloop-chart").resolve("closeloop");
            try (Stream<Path> files = Files.walk(Repo.chart())) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(Repo.chart().relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, transform.apply(Files.readString(file)));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path copy) {
        try (Stream<Path> files = Files.walk(copy.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode serviceValues(String service) {
        JsonNode chartDefaults = readYaml(Repo.chart().resolve("charts/" + service + "/values.yaml"));
        merge((ObjectNode) chartDefaults, effectiveValues().path(service));
        return chartDefaults;
    }

    static JsonNode readYaml(Path file) {
        try {
            return Documents.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, JsonNode overlay) {
        overlay.properties().forEach(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }
}
