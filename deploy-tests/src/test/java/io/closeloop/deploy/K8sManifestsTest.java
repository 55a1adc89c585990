package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** k8s/: the manifests quarkus-kubernetes generates for each service, collected by k8s/generate.sh. */
class K8sManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "identity-service", "attribution-service", "reporting-service"})
    void manifestIsStrictlyValidWithProbesLimitsSecurityContextConfigMapAndSecret(String service) throws IOException {
        List<ObjectNode> documents = Documents.parse(Files.readString(Repo.k8s().resolve(service + ".yml")));
        assertThat(documents).extracting(d -> d.path("kind").asText()).containsExactlyInAnyOrder("Service", "Deployment");
        documents.forEach(StrictModel::read);

        Deployment deployment = StrictModel.read(Documents.named(documents, "Deployment", service));
        ChartTest.assertLockedDown(deployment.getSpec().getTemplate().getSpec(), service);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getIntVal())
                .isEqualTo(container.getPorts().stream().filter(p -> p.getName().equals("management"))
                        .findFirst().orElseThrow().getContainerPort());
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getEnvFrom()).filteredOn(source -> source.getConfigMapRef() != null)
                .extracting(source -> source.getConfigMapRef().getName()).containsExactly(service + "-config");
        assertThat(container.getEnvFrom()).filteredOn(source -> source.getSecretRef() != null)
                .extracting(source -> source.getSecretRef().getName()).containsExactly(service + "-credentials");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    }

    /** Only where the service was packaged in this build: then k8s/ must be what the build generated. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "identity-service", "attribution-service", "reporting-service"})
    void manifestIsWhatTheBuildGenerates(String service) throws IOException {
        Path generated = Repo.root().resolve(service + "/target/kubernetes/kubernetes.yml");
        Assumptions.assumeTrue(Files.exists(generated), "not packaged in this build");
        assertThat(canonical(Files.readString(Repo.k8s().resolve(service + ".yml"))))
                .as("k8s/%s.yml is stale: run k8s/generate.sh", service)
                .isEqualTo(canonical(Files.readString(generated)));
    }

    /**
     * The manifest with every {@code ports} list sorted (the generator lists a container's ports in either order) and
     * without the annotations that name the build's clone or commit.
     */
    private static List<JsonNode> canonical(String yaml) {
        List<JsonNode> documents = new ArrayList<>(Documents.parse(yaml));
        documents.forEach(K8sManifestsTest::sortPorts);
        return documents;
    }

    private static void sortPorts(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("annotations") instanceof ObjectNode annotations) {
                // Where and from which commit it was built is not part of the manifest.
                annotations.remove(List.of("app.quarkus.io/vcs-uri", "app.quarkus.io/commit-id",
                        "app.quarkus.io/build-timestamp"));
            }
            object.fields().forEachRemaining(field -> {
                if (field.getKey().equals("ports") && field.getValue() instanceof ArrayNode ports) {
                    List<JsonNode> sorted = new ArrayList<>();
                    ports.forEach(sorted::add);
                    sorted.sort(java.util.Comparator.comparing(JsonNode::toString));
                    ports.removeAll();
                    ports.addAll(sorted);
                }
                sortPorts(field.getValue());
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(K8sManifestsTest::sortPorts);
        }
    }
}
