{{- define "closeloop.k8sService" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "closeloop.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.httpPort }}
      targetPort: http
      protocol: TCP
    - name: management
      port: {{ .Values.managementPort }}
      targetPort: management
      protocol: TCP
{{- end -}}

{{- define "closeloop.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end -}}

{{- define "closeloop.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "closeloop.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
{{- end -}}

{{/* Scales on the consumer group's lag (KEDA owns the HorizontalPodAutoscaler then, CPU included). */}}
{{- define "closeloop.scaledObject" -}}
{{- $k := .Values.global.kafka -}}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    name: {{ include "closeloop.fullname" . }}
  minReplicaCount: {{ .Values.autoscaling.minReplicas }}
  maxReplicaCount: {{ .Values.autoscaling.maxReplicas }}
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: {{ $k.bootstrapServers | quote }}
        consumerGroup: {{ .Chart.Name | quote }}
        lagThreshold: {{ .Values.keda.lagThreshold | quote }}
        offsetResetPolicy: earliest
        {{- if $k.sasl.enabled }}
        sasl: scram_sha512
        {{- end }}
        {{- if $k.tls.enabled }}
        tls: enable
        {{- end }}
      {{- with .Values.keda.authenticationRef }}
      authenticationRef:
        name: {{ . }}
      {{- end }}
    - type: cpu
      metricType: Utilization
      metadata:
        value: {{ .Values.autoscaling.targetCPUUtilizationPercentage | quote }}
{{- end -}}

{{- define "closeloop.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
spec:
  {{- if .Values.podDisruptionBudget.maxUnavailable }}
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  {{- else }}
  minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "closeloop.selectorLabels" . | nindent 6 }}
{{- end -}}

{{- define "closeloop.ingress" -}}
{{- $g := .Values.global.ingress -}}
{{- $svc := include "closeloop.fullname" . -}}
{{- $port := .Values.httpPort -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $svc }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
  {{- with $g.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $g.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if $g.tls.enabled }}
  tls:
    - hosts:
        - {{ .Values.ingress.host }}
      secretName: {{ .Values.ingress.tlsSecret | default (printf "%s-tls" $svc) }}
  {{- end }}
  rules:
    - host: {{ .Values.ingress.host }}
      http:
        paths:
          {{- range .Values.ingress.paths }}
          - path: {{ . }}
            pathType: Prefix
            backend:
              service:
                name: {{ $svc }}
                port:
                  number: {{ $port }}
          {{- end }}
{{- end -}}
