{{/* `helm test`: the service answers ready on its management port. */}}
{{- define "closeloop.readinessTest" -}}
{{- $svc := include "closeloop.fullname" . -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ $svc }}-readiness-test
  labels:
    {{- include "closeloop.labels" . | nindent 4 }}
    closeloop.io/readiness-test: "true"
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 65532
    runAsGroup: 65532
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: readiness
      image: {{ .Values.global.tests.image }}
      imagePullPolicy: {{ .Values.global.image.pullPolicy }}
      command:
        - curl
        - --fail
        - --silent
        - --show-error
        - --max-time
        - "10"
        - --retry
        - "6"
        - --retry-connrefused
        - --retry-delay
        - "5"
        - http://{{ $svc }}:{{ .Values.managementPort }}/q/health/ready
      resources:
        requests:
          cpu: 10m
          memory: 16Mi
        limits:
          cpu: 100m
          memory: 64Mi
      securityContext:
        runAsNonRoot: true
        readOnlyRootFilesystem: true
        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
{{- end -}}
