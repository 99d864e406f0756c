{{/* One component's values: the chart's defaults with the component's own on top. */}}
{{- define "leverans.component" -}}
{{- $component := index .root.Values.components .name -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $component)) -}}
{{- end -}}

{{- define "leverans.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "leverans.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "leverans.labels" -}}
{{ include "leverans.selectorLabels" . }}
app.kubernetes.io/part-of: leverans
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "leverans.kafkaName" -}}
{{- default (printf "%s-kafka" .Release.Name) .Values.kafka.name -}}
{{- end -}}

{{- define "leverans.kafkaBootstrap" -}}
{{- if .Values.kafka.create -}}
{{- printf "%s-kafka-bootstrap:9092" (include "leverans.kafkaName" .) -}}
{{- else -}}
{{- $message := "kafka.external.bootstrapServers is needed when kafka.create is false" -}}
{{- required $message .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* The CloudNativePG cluster of one database; CNPG names its services <cluster>-rw and its secret <cluster>-app. */}}
{{- define "leverans.databaseCluster" -}}
{{- printf "%s-%s-db" .root.Release.Name .database | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "leverans.databaseSecret" -}}
{{- if .root.Values.postgres.create -}}
{{- $generated := printf "%s-app" (include "leverans.databaseCluster" .) -}}
{{- default $generated (index .root.Values.postgres.ownerSecrets .database) -}}
{{- else -}}
{{- default (printf "%s-database" .root.Release.Name) .root.Values.postgres.external.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "leverans.databaseUrl" -}}
{{- if .root.Values.postgres.create -}}
{{- printf "jdbc:postgresql://%s-rw:5432/%s" (include "leverans.databaseCluster" .) .database -}}
{{- else -}}
{{- $message := "postgres.external.url is needed when postgres.create is false" -}}
{{- printf "%s%s" (required $message .root.Values.postgres.external.url) .database -}}
{{- end -}}
{{- end -}}

{{- define "leverans.serviceUri" -}}
{{- printf "http://%s:%v" (include "leverans.fullname" .) (index .root.Values.components .name).port -}}
{{- end -}}
