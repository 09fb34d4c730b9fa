#!/usr/bin/env bash
# Benchmark: what the HTML report adds to `loadsmith report` on a big results file.
#   bench/report-html.sh [MEGABYTES] [ROUNDS]    defaults: 1000 5
# Uses the JMeter JTL that bench/results.sh writes (bench/work/results/results-MEGABYTES.jtl,
# written here if missing), and times, alternately in each round, `./loadsmith report FILE --json
# OUT` and the same with `--html OUT.html` (wall time of the whole command, JVM start included).
# Prints each pair, the medians and the median of the paired ratios.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
size="${1:-1000}"
rounds="${2:-5}"
work="bench/work/results"
mkdir -p "$work"

mvn -B -q -ntp -pl benchmarks,cli -am install -DskipTests
file="$work/results-$size.jtl"
[ -f "$file" ] || java -cp benchmarks/target/benchmarks.jar io.loadsmith.benchmarks.ResultFiles jtl "$file" "$size"

seconds() { # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $(basename "$file") ($(( $(stat -L -c %s "$file") / 1000000 )) MB), $rounds rounds: report s, report --html s, ratio"
plain=() html=() ratios=()
for ((i = 1; i <= rounds; i++)); do
  a=$(seconds ./loadsmith report "$file" --json "$work/result-html-bench.json")
  b=$(seconds ./loadsmith report "$file" --json "$work/result-html-bench.json" --html "$work/report-bench.html")
  plain+=("$a") html+=("$b") ratios+=("$(echo "$b / $a" | bc -l)")
  printf '  %.2f  %.2f  %.3fx\n' "$a" "$b" "${ratios[-1]}"
done
printf '  medians: %.2f s, %.2f s; median of the paired ratios: %.3fx; report.html %d KB\n' \
  "$(printf '%s\n' "${plain[@]}" | median)" "$(printf '%s\n' "${html[@]}" | median)" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$(( $(stat -c %s "$work/report-bench.html") / 1024 ))"
