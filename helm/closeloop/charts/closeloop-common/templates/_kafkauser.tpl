{{/*
The service's Kafka identity: SCRAM credentials and ACLs for exactly the topics it produces and consumes
(docs/architecture.md), the dead-letter topics of what it consumes, and its consumer group.
*/}}
{{- define "closeloop.kafkaUserResource" -}}
apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata:
  name: {{ include "closeloop.kafkaUser" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
    strimzi.io/cluster: {{ .Values.global.kafka.clusterName }}
spec:
  authentication:
    type: scram-sha-512
  authorization:
    type: simple
    acls:
      {{- if .Values.kafka.consumes }}
      - resource:
          type: group
          name: {{ .Chart.Name }}
          patternType: literal
        operations:
          - Read
          - Describe
      {{- end }}
      {{- range .Values.kafka.consumes }}
      - resource:
          type: topic
          name: {{ . }}
          patternType: literal
        operations:
          - Read
          - Describe
      - resource:
          type: topic
          name: {{ . }}.dlq
          patternType: literal
        operations:
          - Write
          - Describe
      {{- end }}
      {{- range .Values.kafka.produces }}
      - resource:
          type: topic
          name: {{ . }}
          patternType: literal
        operations:
          - Write
          - Describe
      {{- end }}
      - resource:
          type: cluster
        operations:
          - IdempotentWrite
{{- end -}}
