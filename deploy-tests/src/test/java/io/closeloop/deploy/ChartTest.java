package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChartTest {

    private static final CrdSchemas CRDS = new CrdSchemas();

    @ParameterizedTest
    @EnumSource(value = Chart.class, names = {"DEFAULT", "PRODUCTION"})
    void lintsCleanly(Chart chart) {
        LintResult result = chart.lint();
        assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void everyRenderedObjectIsValidForItsKind(Chart chart) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : chart.documents()) {
            if (StrictModel.isCore(document)) {
                try {
                    StrictModel.read(document);
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            } else if (CRDS.knows(document)) {
                CRDS.violations(document).forEach(v -> problems.add(Documents.describe(document) + ": " + v));
            } else {
                problems.add("no schema for " + StrictModel.key(document) + " " + Documents.describe(document));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void everyDeploymentHasProbesLimitsAndALockedDownSecurityContext(Chart chart) {
        List<ObjectNode> deployments = Documents.ofKind(chart.documents(), "Deployment");
        assertThat(deployments).hasSize(Repo.SERVICES.size());
        for (ObjectNode document : deployments) {
            Deployment deployment = StrictModel.read(document);
            assertLockedDown(deployment.getSpec().getTemplate().getSpec(), Documents.describe(document));
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String name = Documents.describe(document) + " " + container.getName();
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/ready");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/live");
                assertThat(container.getStartupProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/started");
                assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getImage()).as(name).doesNotEndWith(":latest").contains(":");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"global.kafka.bootstrapServer=typo:9092", "ingest-service.replicaCount=0",
            "global.oidc.issuer=not-a-url", "reporting-service.database.sslMode=sometimes",
            "identity-service.ingress.paths[0]=api", "monitoring.dashboard.enabled=maybe",
            "global.tracing.samplerRatio=2", "global.tracing.otlpEndpoint=collector:4317"})
    void valuesSchemaRefusesUnknownKeysAndBadValues(String set) {
        String[] keyAndValue = set.split("=", 2);
        assertThatThrownBy(() -> Chart.renderWith(Map.of(keyAndValue[0], keyAndValue[1])))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @ParameterizedTest
    @EnumSource(value = Chart.class, names = {"DEFAULT", "PRODUCTION"})
    void tracesAreExportedOnlyWhereACollectorIsConfigured(Chart chart) {
        JsonNode tracing = chart.effectiveValues().path("global").path("tracing");
        for (String service : Repo.SERVICES) {
            Deployment deployment = StrictModel.read(
                    Documents.named(chart.documents(), "Deployment", Chart.RELEASE + "-" + service));
            Map<String, String> env = new java.util.HashMap<>();
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .forEach(e -> env.put(e.getName(), e.getValue()));
            if (tracing.path("otlpEndpoint").asText().isEmpty()) {
                assertThat(env).as(service).doesNotContainKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            } else {
                assertThat(env).as(service)
                        .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.monitoring:4317")
                        .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                        .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.1");
            }
        }
    }

    static void assertLockedDown(PodSpec pod, String name) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
        for (Container container : pod.getContainers()) {
            var context = container.getSecurityContext();
            assertThat(context.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(context.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(context.getCapabilities().getDrop()).as(name).containsExactly("ALL");
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void credentialsComeFromSecretsAndNeverFromTheConfigMap(Chart chart) {
        for (ObjectNode document : Documents.ofKind(chart.documents(), "ConfigMap")) {
            String data = document.path("data").toString().toLowerCase();
            assertThat(data).as(Documents.describe(document))
                    .doesNotContain("password=").doesNotContain("secret=").doesNotContain("username=");
        }
        for (String service : Repo.SERVICES) {
            Deployment deployment = StrictModel.read(
                    Documents.named(chart.documents(), "Deployment", Chart.RELEASE + "-" + service));
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getEnv())
                    .filteredOn(env -> env.getName().startsWith("QUARKUS_DATASOURCE_"))
                    .allSatisfy(env -> assertThat(env.getValueFrom().getSecretKeyRef()).isNotNull())
                    .hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void configMapPointsEachServiceAtKafkaTheIssuerAndItsOwnDatabase(Chart chart) throws Exception {
        JsonNode global = chart.effectiveValues().path("global");
        for (String service : Repo.SERVICES) {
            JsonNode database = chart.serviceValues(service).path("database");
            Properties properties = new Properties();
            properties.load(new StringReader(Documents.named(chart.documents(), "ConfigMap",
                    Chart.RELEASE + "-" + service + "-config").path("data").path("application.properties").asText()));
            assertThat(properties.getProperty("config_ordinal")).isEqualTo("275");
            assertThat(properties.getProperty("kafka.bootstrap.servers"))
                    .isEqualTo(global.path("kafka").path("bootstrapServers").asText());
            assertThat(properties.getProperty("%prod.quarkus.oidc.auth-server-url"))
                    .isEqualTo(global.path("oidc").path("issuer").asText());
            assertThat(properties.getProperty("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://"
                    + database.path("host").asText() + ":5432/" + database.path("name").asText()
                    + "?sslmode=" + database.path("sslMode").asText());
            boolean tls = global.path("kafka").path("tls").path("enabled").asBoolean();
            boolean sasl = global.path("kafka").path("sasl").path("enabled").asBoolean();
            assertThat(properties.getProperty("kafka.security.protocol"))
                    .isEqualTo((sasl ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT"));
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void helmTestHooksCallEachServicesReadiness(Chart chart) {
        List<ObjectNode> tests = Documents.ofKind(chart.documents(), "Pod").stream()
                .filter(pod -> "test".equals(pod.path("metadata").path("annotations").path("helm.sh/hook").asText()))
                .toList();
        assertThat(tests).hasSize(Repo.SERVICES.size());
        for (String service : Repo.SERVICES) {
            JsonNode values = chart.serviceValues(service);
            Pod pod = StrictModel.read(Documents.named(tests, "Pod", Chart.RELEASE + "-" + service + "-readiness-test"));
            assertThat(pod.getSpec().getContainers().get(0).getCommand()).contains(
                    "http://" + Chart.RELEASE + "-" + service + ":" + values.path("managementPort").asInt()
                            + "/q/health/ready");
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertLockedDown(pod.getSpec(), pod.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void eachServiceScalesOnCpuOrOnConsumerLagAndKeepsOnePodThroughDisruptions(Chart chart) {
        for (String service : Repo.SERVICES) {
            String name = Chart.RELEASE + "-" + service;
            boolean keda = chart.serviceValues(service).path("keda").path("enabled").asBoolean();
            if (keda) {
                JsonNode scaled = Documents.named(chart.documents(), "ScaledObject", name);
                assertThat(scaled.path("spec").path("triggers").get(0).path("metadata").path("consumerGroup").asText())
                        .isEqualTo(service);
                assertThat(Documents.ofKind(chart.documents(), "HorizontalPodAutoscaler"))
                        .noneMatch(hpa -> name.equals(hpa.path("metadata").path("name").asText()));
            } else {
                JsonNode hpa = Documents.named(chart.documents(), "HorizontalPodAutoscaler", name);
                assertThat(hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText())
                        .isEqualTo("cpu");
            }
            assertThat(Documents.named(chart.documents(), "PodDisruptionBudget", name)
                    .path("spec").path("minAvailable").asInt()).isEqualTo(1);
            assertThat(Documents.named(chart.documents(), "ServiceAccount", name)).isNotNull();
        }
    }
}
