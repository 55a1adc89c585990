#!/usr/bin/env bash
# Builds the attribution model core and the benchmark, then runs it in a 512 MiB heap.
# Usage: bench/run.sh [--journeys N] [--streaming N] [--runs N] [--file PATH]
# Set SKIP_BUILD=1 to reuse the jars already built. The other modules must have been installed once
# (./mvnw -B install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl attribution-service,bench install -DskipTests
fi
exec java -Xms512m -Xmx512m -XX:+UseParallelGC -jar bench/target/bench.jar "$@"
