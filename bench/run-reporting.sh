#!/usr/bin/env bash
# Builds reporting-service and the benchmark (tests skipped), starts PostgreSQL, loads a year of data and times the
# metric views' queries. Usage: bench/run-reporting.sh [--conversions N] [--runs N]; SKIP_BUILD=1 reuses the jars.
#   bench/run-reporting.sh intake [--conversions N] [--restated N]   credit sets taken in per second by the packaged
#                                                                   reporting service (Kafka, PostgreSQL, fsync on)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == intake ]]; then
  shift
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -B -q -pl reporting-service,bench -am package -DskipTests
  fi
  exec java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp bench/target/bench.jar \
    io.closeloop.bench.ReportIntakeBench --repo . "$@"
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
exec java -Xms256m -Xmx256m -cp bench/target/bench.jar io.closeloop.bench.ReportBench "$@"
