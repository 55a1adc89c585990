#!/usr/bin/env bash
# Builds the identity matcher and the benchmark (tests skipped), then times fit + link in a 512 MiB heap.
# Usage: bench/run-matching.sh [--records N] [--seed N]; SKIP_BUILD=1 reuses the built jars.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
exec java -Xms512m -Xmx512m -XX:+UseParallelGC -cp bench/target/bench.jar io.closeloop.bench.MatchingBench "$@"
