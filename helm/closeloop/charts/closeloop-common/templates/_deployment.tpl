{{- define "closeloop.deployment" -}}
{{- $k := .Values.global.kafka -}}
{{- $db := .Values.database -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "closeloop.fullname" . }}
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
spec:
  {{- if not (or .Values.autoscaling.enabled .Values.keda.enabled) }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "closeloop.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "closeloop.selectorLabels" . | nindent 8 }}
        app.kubernetes.io/part-of: closeloop
      annotations:
        checksum/config: {{ include "closeloop.configmap" . | sha256sum }}
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ .Values.managementPort | quote }}
        prometheus.io/path: /q/metrics
    spec:
      serviceAccountName: {{ include "closeloop.fullname" . }}
      automountServiceAccountToken: false
      {{- with .Values.global.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 185
        runAsGroup: 185
        fsGroup: 185
        seccompProfile:
          type: RuntimeDefault
      {{- with .Values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "closeloop.image" . }}
          imagePullPolicy: {{ .Values.global.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.httpPort }}
              protocol: TCP
            - name: management
              containerPort: {{ .Values.managementPort }}
              protocol: TCP
          env:
            - name: QUARKUS_CONFIG_LOCATIONS
              value: /etc/closeloop/application.properties
            - name: JAVA_OPTS_APPEND
              value: {{ .Values.javaOptions | quote }}
            - name: QUARKUS_DATASOURCE_USERNAME
              valueFrom:
                secretKeyRef:
                  name: {{ $db.secretName }}
                  key: {{ $db.usernameKey }}
            - name: QUARKUS_DATASOURCE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $db.secretName }}
                  key: {{ $db.passwordKey }}
            {{- if $k.sasl.enabled }}
            - name: KAFKA_SASL_JAAS_CONFIG
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.kafka.credentialsSecret | default (include "closeloop.kafkaUser" .) }}
                  key: sasl.jaas.config
            {{- end }}
            {{- with .Values.global.tracing }}
            {{- if .otlpEndpoint }}
            - name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
              value: {{ .otlpEndpoint | quote }}
            - name: QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL
              value: {{ .protocol | quote }}
            - name: QUARKUS_OTEL_TRACES_SAMPLER_ARG
              value: {{ .samplerRatio | toString | quote }}
            {{- end }}
            {{- end }}
            {{- range .Values.secretEnv }}
            - name: {{ .name }}
              valueFrom:
                secretKeyRef:
                  name: {{ .secretName }}
                  key: {{ .key }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: management
            periodSeconds: 5
            failureThreshold: 60
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: management
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: management
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
          volumeMounts:
            - name: config
              mountPath: /etc/closeloop
              readOnly: true
            - name: tmp
              mountPath: /tmp
            {{- if $k.tls.enabled }}
            - name: kafka-ca
              mountPath: /etc/kafka-ca
              readOnly: true
            {{- end }}
      volumes:
        - name: config
          configMap:
            name: {{ include "closeloop.fullname" . }}-config
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        {{- if $k.tls.enabled }}
        - name: kafka-ca
          secret:
            secretName: {{ $k.tls.caSecret }}
        {{- end }}
{{- end -}}
