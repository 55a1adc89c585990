{{- define "closeloop.umbrellaLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: closeloop
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The catalogue's topics and their dead-letter companions, generated from contracts' Topics. */}}
{{- define "closeloop.topics" -}}
{{- .Files.Get "files/topics.yaml" -}}
{{- end -}}
