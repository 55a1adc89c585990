#!/usr/bin/env bash
# Builds the attribution model core and the benchmark, then runs it in a 512 MiB heap.
# Usage: bench/run.sh [--journeys N] [--streaming N] [--runs N] [--file PATH]
# Set SKIP_BUILD=1 to reuse the jars already built. Builds in the reactor (package, not install), so nothing
# is written to the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
exec java -Xms512m -Xmx512m -XX:+UseParallelGC -jar bench/target/bench.jar "$@"
