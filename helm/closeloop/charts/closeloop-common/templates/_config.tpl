{{/*
The service's configuration as a properties file: the image's application.properties holds the defaults, this
file (QUARKUS_CONFIG_LOCATIONS) overrides them. Credentials never appear here: they come from Secrets as
environment variables.
*/}}
{{- define "closeloop.properties" -}}
{{- $k := .Values.global.kafka -}}
{{- $db := .Values.database -}}
# Above the image's application.properties (250) so that these values win; environment variables (300) still override.
config_ordinal=275
kafka.bootstrap.servers={{ $k.bootstrapServers }}
kafka.security.protocol={{ include "closeloop.kafkaSecurityProtocol" . }}
{{- if $k.tls.enabled }}
kafka.ssl.truststore.type=PEM
kafka.ssl.truststore.location=/etc/kafka-ca/{{ $k.tls.caKey }}
{{- end }}
{{- if $k.sasl.enabled }}
kafka.sasl.mechanism={{ $k.sasl.mechanism }}
kafka.sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}
{{- end }}
quarkus.oidc.auth-server-url={{ .Values.global.oidc.issuer }}
%prod.quarkus.oidc.auth-server-url={{ .Values.global.oidc.issuer }}
quarkus.oidc.client-id={{ .Values.global.oidc.clientId }}
{{- with .Values.global.oidc.audience }}
quarkus.oidc.token.audience={{ . }}
{{- end }}
quarkus.datasource.jdbc.url=jdbc:postgresql://{{ $db.host }}:{{ $db.port }}/{{ $db.name }}?sslmode={{ $db.sslMode }}
quarkus.datasource.reactive.url=postgresql://{{ $db.host }}:{{ $db.port }}/{{ $db.name }}?sslmode={{ $db.sslMode }}
{{- range $key, $value := .Values.config }}
{{ $key }}={{ $value }}
{{- end }}
{{- end -}}

{{- define "closeloop.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "closeloop.fullname" . }}-config
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
data:
  application.properties: |
    {{- include "closeloop.properties" . | nindent 4 }}
{{- end -}}
