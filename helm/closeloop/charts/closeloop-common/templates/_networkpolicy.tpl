{{/*
Each service talks to Kafka, its own database, the OIDC issuer and DNS, plus what `extraEgress` names (reporting:
the ad platforms' HTTPS endpoints). It takes traffic from the ingress controller on the API port, from Prometheus
and the chart's test pods on the management port, and from nothing else.
*/}}
{{- define "closeloop.portList" -}}
{{- range .ports }}
- port: {{ . }}
  protocol: {{ $.protocol | default "TCP" }}
{{- end }}
{{- end -}}

{{- define "closeloop.networkPolicy" -}}
{{- $g := .Values.global -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "closeloop.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if .Values.ingress.enabled }}
    - from:
        {{- toYaml $g.networkPolicy.ingressController.peers | nindent 8 }}
      ports:
        - port: {{ .Values.httpPort }}
          protocol: TCP
    {{- end }}
    - from:
        {{- toYaml $g.networkPolicy.monitoring.peers | nindent 8 }}
      ports:
        - port: {{ .Values.managementPort }}
          protocol: TCP
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .Release.Name }}
              closeloop.io/readiness-test: "true"
      ports:
        - port: {{ .Values.managementPort }}
          protocol: TCP
  egress:
    - to:
        {{- toYaml $g.networkPolicy.dns.peers | nindent 8 }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - to:
        {{- toYaml $g.kafka.networkPolicy.peers | nindent 8 }}
      ports:
        {{- include "closeloop.portList" (dict "ports" $g.kafka.networkPolicy.ports) | nindent 8 }}
    - to:
        {{- toYaml .Values.database.networkPolicy.peers | nindent 8 }}
      ports:
        - port: {{ .Values.database.port }}
          protocol: TCP
    - to:
        {{- toYaml $g.oidc.networkPolicy.peers | nindent 8 }}
      ports:
        {{- include "closeloop.portList" (dict "ports" $g.oidc.networkPolicy.ports) | nindent 8 }}
    {{- if $g.tracing.otlpEndpoint }}
    - to:
        {{- toYaml $g.tracing.networkPolicy.peers | nindent 8 }}
      ports:
        {{- include "closeloop.portList" (dict "ports" $g.tracing.networkPolicy.ports) | nindent 8 }}
    {{- end }}
    {{- with .Values.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}
