#!/usr/bin/env bash
# Builds the four services (without tests) and copies the manifests quarkus-kubernetes generated for them into
# k8s/<service>.yml. deploy-tests checks the copies against a build's output and checks their content.
set -euo pipefail
cd "$(dirname "$0")/.."
services=(ingest-service identity-service attribution-service reporting-service)
./mvnw -B -o -q -pl "$(IFS=,; echo "${services[*]}")" -am package -DskipTests
for service in "${services[@]}"; do
  cp "$service/target/kubernetes/kubernetes.yml" "k8s/$service.yml"
  echo "k8s/$service.yml"
done
