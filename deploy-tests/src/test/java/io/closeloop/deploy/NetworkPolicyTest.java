package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every service reaches DNS, Kafka, its own database and the OIDC issuer and nothing else (the trace collector when
 * tracing is configured; reporting also the ad platforms over HTTPS on public addresses); it is reached by the ingress controller on its API port,
 * Prometheus and the chart's test pods on its management port.
 */
class NetworkPolicyTest {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @ParameterizedTest
    @EnumSource(Chart.class)
    void eachServiceTalksToExactlyWhatItNeeds(Chart chart) throws Exception {
        JsonNode global = chart.effectiveValues().path("global");
        for (String service : Repo.SERVICES) {
            JsonNode values = chart.serviceValues(service);
            NetworkPolicy policy = StrictModel.read(
                    Documents.named(chart.documents(), "NetworkPolicy", Chart.RELEASE + "-" + service));
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", service);

            Set<String> egress = new TreeSet<>();
            policy.getSpec().getEgress().forEach(rule -> egress.addAll(pairs(rule.getTo(), rule.getPorts())));
            Set<String> expectedEgress = new TreeSet<>();
            expectedEgress.addAll(expected(global.path("networkPolicy").path("dns").path("peers"), "UDP/53", "TCP/53"));
            expectedEgress.addAll(expected(global.path("kafka").path("networkPolicy").path("peers"),
                    tcp(global.path("kafka").path("networkPolicy").path("ports"))));
            expectedEgress.addAll(expected(values.path("database").path("networkPolicy").path("peers"),
                    "TCP/" + values.path("database").path("port").asInt()));
            expectedEgress.addAll(expected(global.path("oidc").path("networkPolicy").path("peers"),
                    tcp(global.path("oidc").path("networkPolicy").path("ports"))));
            if (!global.path("tracing").path("otlpEndpoint").asText().isEmpty()) {
                expectedEgress.addAll(expected(global.path("tracing").path("networkPolicy").path("peers"),
                        tcp(global.path("tracing").path("networkPolicy").path("ports"))));
            }
            if (service.equals("reporting-service")) {
                expectedEgress.add("{\"ipBlock\":{\"cidr\":\"0.0.0.0/0\",\"except\":[\"10.0.0.0/8\",\"172.16.0.0/12\","
                        + "\"192.168.0.0/16\",\"169.254.0.0/16\",\"100.64.0.0/10\"]}} -> TCP/443");
            }
            assertThat(egress).as(service + " egress").isEqualTo(expectedEgress);
            assertThat(values.path("database").path("networkPolicy").path("peers").toString())
                    .as("own database only").contains(values.path("database").path("name").asText() + "-db");

            Set<String> ingress = new TreeSet<>();
            policy.getSpec().getIngress().forEach(rule -> ingress.addAll(pairs(rule.getFrom(), rule.getPorts())));
            String http = "TCP/" + values.path("httpPort").asInt();
            String management = "TCP/" + values.path("managementPort").asInt();
            Set<String> expectedIngress = new TreeSet<>();
            expectedIngress.addAll(expected(global.path("networkPolicy").path("ingressController").path("peers"), http));
            expectedIngress.addAll(expected(global.path("networkPolicy").path("monitoring").path("peers"), management));
            expectedIngress.add("{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/instance\":\"closeloop\","
                    + "\"closeloop.io/readiness-test\":\"true\"}}} -> " + management);
            assertThat(ingress).as(service + " ingress").isEqualTo(expectedIngress);
        }
    }

    private static Set<String> pairs(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        assertThat(peers).as("a rule without peers would allow everyone").isNotEmpty();
        assertThat(ports).as("a rule without ports would allow every port").isNotEmpty();
        Set<String> pairs = new TreeSet<>();
        for (NetworkPolicyPeer peer : peers) {
            for (NetworkPolicyPort port : ports) {
                pairs.add(canonical(CANONICAL.valueToTree(peer)) + " -> " + port.getProtocol() + "/"
                        + port.getPort().getIntVal());
            }
        }
        return pairs;
    }

    private static Set<String> expected(JsonNode peers, String... ports) {
        assertThat(peers.size()).isPositive();
        Set<String> pairs = new TreeSet<>();
        for (JsonNode peer : peers) {
            for (String port : ports) {
                pairs.add(canonical(peer) + " -> " + port);
            }
        }
        return pairs;
    }

    private static String[] tcp(JsonNode ports) {
        String[] out = new String[ports.size()];
        for (int i = 0; i < ports.size(); i++) {
            out[i] = "TCP/" + ports.get(i).asInt();
        }
        return out;
    }

    private static String canonical(JsonNode node) {
        try {
            Object plain = CANONICAL.treeToValue(node, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
