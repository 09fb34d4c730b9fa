#!/usr/bin/env bash
# Benchmark: import + render k6 of a large OpenAPI document, against swagger-parser alone.
#   bench/generation.sh [SPEC]   (default: the GitHub REST API description of ../shared/corpus)
# Prints JMH's steady-state averages, then cold single runs (fresh JVM) with peak heap.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
spec="${1:-../shared/corpus/specs/oas30-github-api.github.com.json}"
[ -f "$spec" ] || { echo "generation.sh: no spec at $spec" >&2; exit 1; }

mvn -B -q -ntp -pl benchmarks -am install -DskipTests
jar=benchmarks/target/benchmarks.jar

echo "== steady state (JMH: 2 forks, 15 x 3 s warm-up, 10 x 3 s measured)"
java -jar "$jar" GenerationBenchmark -p spec="$spec" 2>&1 | grep -E '^(Benchmark|GenerationBenchmark)'

echo "== cold runs in a fresh JVM, 3 each"
for what in loadsmith swagger; do
  for i in 1 2 3; do
    java -XX:+UseSerialGC -Xmx1g -cp "$jar" io.loadsmith.benchmarks.PeakHeap "$what" "$spec"
  done
done
