#!/usr/bin/env bash
# Benchmark: what a cold `loadsmith generate --tool all` costs over swagger-parser alone.
#   bench/coldstart.sh [ROUNDS] [SPEC...]
# Each round runs, in a fresh JVM each and one after the other, swagger-parser alone reading the
# document (with resolve, as Loadsmith reads it) and the whole `loadsmith generate --tool all`
# command as a user runs it (./loadsmith: its JVM options, the same for swagger-parser's side
# (LOADSMITH_JAVA_OPTS replaces them), and its class-data archive), then the same command without
# the archive, and times the processes from the outside. Prints each pair, then per document the median of the paired ratios. Then the
# median of ROUNDS `loadsmith --version`. Defaults: 5 rounds; the GitHub, Kubernetes and payments
# documents of ../shared/corpus (the largest ones).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
rounds="${1:-5}"
shift || true
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  corpus="${LOADSMITH_CORPUS:-../shared/corpus}/specs"
  specs=("$corpus/oas30-github-api.github.com.json" "$corpus/swagger2-kubernetes-openapi-spec.json"
         "$corpus/oas301-swagger-parser-stripe-converted.yaml")
fi

mvn -B -q -ntp -pl cli,benchmarks -am install -DskipTests
jar=benchmarks/target/benchmarks.jar
# The JVM options ./loadsmith gives generate, for both sides.
opts=(${LOADSMITH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:InitialRAMPercentage=6.25 -XX:NewRatio=1})
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

seconds() { # command... -> wall seconds of the process
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "coldstart.sh: failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Loadsmith as a user runs it: the launcher, with its class-data archive (made here first if the
# build is new), and without it (LOADSMITH_CDS=off), so that the archive's share shows.
./loadsmith --help >/dev/null
for spec in "${specs[@]}"; do
  [ -f "$spec" ] || { echo "coldstart.sh: no spec at $spec" >&2; exit 1; }
  echo "== $(basename "$spec") ($(du -k "$spec" | cut -f1) KiB), $rounds rounds:" \
    "swagger-parser s, loadsmith s, ratio, loadsmith without the archive s, ratio"
  ratios=()
  plain=()
  for ((i = 1; i <= rounds; i++)); do
    parser=$(seconds java "${opts[@]}" -cp "$jar" io.loadsmith.benchmarks.PeakHeap swagger "$spec")
    rm -rf "$out/scripts"
    loadsmith=$(seconds ./loadsmith generate "$spec" --tool all --out "$out/scripts")
    rm -rf "$out/scripts"
    without=$(LOADSMITH_CDS=off seconds ./loadsmith generate "$spec" --tool all --out "$out/scripts")
    ratio=$(echo "$loadsmith / $parser" | bc -l)
    ratios+=("$ratio")
    plain+=("$(echo "$without / $parser" | bc -l)")
    printf '  %.2f  %.2f  %.2fx  %.2f  %.2fx\n' "$parser" "$loadsmith" "$ratio" "$without" "${plain[-1]}"
  done
  printf '  median of the paired ratios: %.2fx (without the archive %.2fx)\n' "$(printf '%s\n' "${ratios[@]}" | median)" \
    "$(printf '%s\n' "${plain[@]}" | median)"
done

echo "== loadsmith --version, $rounds runs"
times=()
for ((i = 1; i <= rounds; i++)); do
  times+=("$(seconds ./loadsmith --version)")
done
printf '  median: %.0f ms\n' "$(echo "$(printf '%s\n' "${times[@]}" | median) * 1000" | bc -l)"
