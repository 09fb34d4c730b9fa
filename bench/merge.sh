#!/usr/bin/env bash
# Benchmark: what merging the outputs of several workers costs against one file of them all.
#   bench/merge.sh [MEGABYTES] [WORKERS] [ROUNDS]    defaults: 900 3 3
# Writes WORKERS k6 --out json streams of MEGABYTES/WORKERS each (seeded; bench/work/merge/, kept
# for the next run) and their concatenation, one file of MEGABYTES, then times alternately in each
# round `./loadsmith report ALL --json OUT` and `./loadsmith report PART1 PART2 ... --json OUT`
# (which reads the parts one after the other and merges their results),
# wall time of the whole command. Prints each pair, the medians and the median of the ratios.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
size="${1:-900}"
workers="${2:-3}"
rounds="${3:-3}"
work="bench/work/merge"
mkdir -p "$work"

mvn -B -q -ntp -pl benchmarks,cli -am install -DskipTests
part=$(( size / workers ))
parts=()
for ((i = 1; i <= workers; i++)); do
  file="$work/part-$part-$i.ndjson"
  [ -f "$file" ] || java -cp benchmarks/target/benchmarks.jar io.loadsmith.benchmarks.ResultFiles ndjson "$file" "$part"
  parts+=("$file")
done
all="$work/all-$part-x$workers.ndjson"
[ -f "$all" ] || cat "${parts[@]}" > "$all"

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1 || { echo "merge.sh: failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $workers x $part MB against one file of $(( $(stat -L -c %s "$all") / 1000000 )) MB, $rounds rounds: one file s, $workers files merged s, ratio"
one=() merged=() ratios=()
for ((i = 1; i <= rounds; i++)); do
  a=$(seconds ./loadsmith report "$all" --json "$work/one.json")
  b=$(seconds ./loadsmith report "${parts[@]}" --json "$work/merged.json")
  one+=("$a") merged+=("$b") ratios+=("$(echo "$b / $a" | bc -l)")
  printf '  %.2f  %.2f  %.3fx\n' "$a" "$b" "${ratios[-1]}"
done
printf '  medians: %.2f s, %.2f s; median of the ratios: %.3fx\n' "$(printf '%s\n' "${one[@]}" | median)" \
  "$(printf '%s\n' "${merged[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"
# The same requests either way: the merged result's counts and percentiles are the single file's.
python3 - "$work/one.json" "$work/merged.json" <<'PY'
import json, sys
one, merged = (json.load(open(f)) for f in sys.argv[1:])
for key in ("requests", "failures"):
    assert one["total"][key] == merged["total"][key], key
for p in ("p50", "p95", "p99", "max"):
    assert one["total"]["latencyMs"][p] == merged["total"]["latencyMs"][p], p
print("  same counts and percentiles: yes")
PY
