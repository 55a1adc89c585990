package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard and the PrometheusRule alerts query metrics the services publish. */
class MonitoringTest {

    /** Prometheus names of the services' Micrometer meters and the Kafka client binder's lag gauge. */
    private static final Set<String> METRICS = Set.of(
            "closeloop_ingest_rows_total", "closeloop_outbox_backlog", "closeloop_dead_letters_total",
            "closeloop_outbox_dead_letters_total", "closeloop_touch_to_credit_seconds_bucket",
            "closeloop_export_results_total", "closeloop_erasure_overdue",
            "closeloop_identity_conversions_resolved_total", "kafka_consumer_fetch_manager_records_lag_max");

    private static final Pattern METRIC = Pattern.compile("\\b(closeloop_[a-z_]+|kafka_[a-z_]+)\\b");

    @Test
    void dashboardIsASidecarConfigMapWhosePanelsQueryKnownMetrics() throws Exception {
        JsonNode configMap = Documents.named(Chart.DEFAULT.documents(), "ConfigMap", "closeloop-grafana-dashboard");
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = Documents.json().readTree(configMap.path("data").path("closeloop.json").asText());
        assertThat(dashboard.path("uid").asText()).isEqualTo("closeloop-overview");
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        Set<String> used = metrics(expressions);
        assertThat(METRICS).containsAll(used);
        assertThat(used).contains("closeloop_ingest_rows_total", "kafka_consumer_fetch_manager_records_lag_max",
                "closeloop_dead_letters_total", "closeloop_outbox_backlog", "closeloop_touch_to_credit_seconds_bucket",
                "closeloop_export_results_total");
    }

    @Test
    void alertsCoverLagDeadLettersOutboxErasureAndExports() {
        JsonNode rule = Documents.named(Chart.PRODUCTION.documents(), "PrometheusRule", "closeloop-alerts");
        assertThat(rule.path("metadata").path("labels").path("release").asText()).isEqualTo("prometheus");
        List<String> names = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                names.add(alert.path("alert").asText());
                expressions.add(alert.path("expr").asText());
                assertThat(alert.path("labels").path("severity").asText()).isIn("warning", "critical");
                assertThat(alert.path("annotations").path("description").asText()).isNotBlank();
                assertThat(balanced(alert.path("expr").asText())).as(alert.path("alert").asText()).isTrue();
            }
        }
        assertThat(names).contains("CloseloopConsumerLagHigh", "CloseloopDeadLettersGrowing",
                "CloseloopOutboxBacklog", "CloseloopErasureOverdue", "CloseloopExportFailures");
        assertThat(METRICS).containsAll(metrics(expressions));
        assertThat(String.join("\n", expressions)).contains("namespace=\"closeloop\"");
    }

    @Test
    void alertsAndServiceMonitorAreOffUntilAskedFor() {
        assertThat(Documents.ofKind(Chart.DEFAULT.documents(), "PrometheusRule")).isEmpty();
        assertThat(Documents.ofKind(Chart.DEFAULT.documents(), "ServiceMonitor")).isEmpty();
        JsonNode monitor = Documents.named(Chart.PRODUCTION.documents(), "ServiceMonitor", "closeloop-services");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText()).isEqualTo("management");
    }

    private static Set<String> metrics(List<String> expressions) {
        Set<String> used = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
