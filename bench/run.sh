#!/usr/bin/env bash
# Benchmarks (mains that print figures; not tests).
#   bench/run.sh [--journeys N] [--streaming N] [--runs N] [--file PATH]   attribution model core, 512 MiB heap
#   bench/run.sh ingest [--events N] [--warmup N] [--batch N] [--clients N] [--service-heap 512m]
#                       [--service-config key=value,...] [--jfr true]     ingest vs. a durable baseline
# Set SKIP_BUILD=1 to reuse the jars already built. The build packages through the reactor (nothing is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == ingest ]]; then
  shift
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -B -q -pl ingest-service,bench -am package -DskipTests
  fi
  exec java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp bench/target/bench.jar io.closeloop.bench.IngestBench --repo . "$@"
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
exec java -Xms512m -Xmx512m -XX:+UseParallelGC -jar bench/target/bench.jar "$@"
