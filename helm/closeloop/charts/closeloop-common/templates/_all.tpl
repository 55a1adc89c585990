{{/* Everything one service chart deploys; each service chart's templates include this. */}}
{{- define "closeloop.serviceResources" -}}
{{ include "closeloop.serviceAccount" . }}
---
{{ include "closeloop.configmap" . }}
---
{{ include "closeloop.deployment" . }}
---
{{ include "closeloop.k8sService" . }}
{{- if and .Values.autoscaling.enabled (not .Values.keda.enabled) }}
---
{{ include "closeloop.hpa" . }}
{{- end }}
{{- if .Values.keda.enabled }}
---
{{ include "closeloop.scaledObject" . }}
{{- end }}
{{- if .Values.podDisruptionBudget.enabled }}
---
{{ include "closeloop.pdb" . }}
{{- end }}
{{- if .Values.global.networkPolicy.enabled }}
---
{{ include "closeloop.networkPolicy" . }}
{{- end }}
{{- if .Values.ingress.enabled }}
---
{{ include "closeloop.ingress" . }}
{{- end }}
{{- if and .Values.global.kafka.strimzi.users .Values.global.kafka.sasl.enabled }}
---
{{ include "closeloop.kafkaUserResource" . }}
{{- end }}
{{- end -}}
