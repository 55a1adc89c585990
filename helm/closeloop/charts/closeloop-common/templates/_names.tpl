{{/* Names and labels. Named templates are global, so every service chart uses these. */}}
{{- define "closeloop.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "closeloop.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "closeloop.labels" -}}
{{ include "closeloop.selectorLabels" . }}
app.kubernetes.io/part-of: closeloop
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "closeloop.image" -}}
{{- $g := .Values.global.image -}}
{{- $tag := .Values.image.tag | default $g.tag | default .Chart.AppVersion -}}
{{- $repo := printf "%s/%s" $g.repositoryPrefix .Values.image.repository -}}
{{- if $g.registry }}{{ $repo = printf "%s/%s" $g.registry $repo }}{{ end -}}
{{- if .Values.image.digest }}{{ $repo }}@{{ .Values.image.digest }}{{ else }}{{ $repo }}:{{ $tag }}{{ end -}}
{{- end -}}

{{/* The Kafka user (and the Secret Strimzi writes for it) of this service. */}}
{{- define "closeloop.kafkaUser" -}}
{{- include "closeloop.fullname" . -}}
{{- end -}}

{{- define "closeloop.kafkaSecurityProtocol" -}}
{{- $k := .Values.global.kafka -}}
{{- if and $k.tls.enabled $k.sasl.enabled }}SASL_SSL{{ else if $k.tls.enabled }}SSL{{ else if $k.sasl.enabled }}SASL_PLAINTEXT{{ else }}PLAINTEXT{{ end -}}
{{- end -}}
