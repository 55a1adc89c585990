package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The validators the chart tests rely on do refuse what the API server would drop or refuse. */
class StrictnessTest {

    @Test
    void aMisplacedFieldInACoreObjectIsNamed() {
        ObjectNode deployment = Documents.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinessProbe: {httpGet: {path: /q/health/ready, port: 9000}, periodSecond: 5}
                """).get(0);
        assertThatThrownBy(() -> StrictModel.read(deployment))
                .hasMessageContaining("spec.template.spec.containers[0].readinessProbe.periodSecond");
    }

    @Test
    void aCustomResourceIsCheckedAgainstItsCrdWithUnknownFieldsRefused() {
        CrdSchemas schemas = new CrdSchemas();
        ObjectNode valid = Documents.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: credits}
                spec: {partitions: 6, replicas: 3, config: {retention.ms: 1000}}
                """).get(0);
        assertThat(schemas.violations(valid)).isEmpty();

        ObjectNode typo = valid.deepCopy();
        ((ObjectNode) typo.get("spec")).put("partition", 6);
        assertThat(schemas.violations(typo)).isNotEmpty();

        ObjectNode wrongType = valid.deepCopy();
        ((ObjectNode) wrongType.get("spec")).put("partitions", "six");
        assertThat(schemas.violations(wrongType)).isNotEmpty();
    }
}
