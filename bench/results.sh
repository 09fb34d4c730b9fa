#!/usr/bin/env bash
# Benchmark: how fast `loadsmith report` reads big results files, and in how much memory.
#   bench/results.sh [MEGABYTES] [ROUNDS]    defaults: 1000 3
# Writes a JMeter JTL (default CSV columns) and a k6 --out json stream of about MEGABYTES each
# under bench/work/results/ (seeded, kept for the next run), then times `./loadsmith report` on
# each (wall time of the whole command, JVM start included; peak RSS from /usr/bin/time), and
# JMeter's own report generator (`jmeter -g FILE -o DIR`) once on the same JTL. Also times the
# reference readers issue 4 states its goals against (benchmarks ReferenceScans), to tell a slow
# machine from a slow parser.
# Needs /usr/bin/time; JMeter from $LOADSMITH_JMETER (a launcher), else the one `loadsmith run`
# fetches into ~/.loadsmith/tools, else tools/install-jmeter.sh's.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
size="${1:-1000}"
rounds="${2:-3}"
work="bench/work/results"
mkdir -p "$work"

mvn -B -q -ntp -pl benchmarks,cli -am install -DskipTests
for kind in jtl ndjson; do
  file="$work/results-$size.$kind"
  [ -f "$file" ] || java -cp benchmarks/target/benchmarks.jar io.loadsmith.benchmarks.ResultFiles "$kind" "$file" "$size"
done

measure() { # label, command...: prints "wall-seconds peak-RSS-KB"
  shift
  /usr/bin/time -o "$work/last.time" -f '%e %M' "$@" > "$work/last.out" 2> "$work/last.err" || true
  tail -1 "$work/last.time"
}

printf '%-28s %10s %12s %10s %14s\n' "what" "size MB" "wall s" "MB/s" "peak RSS MB"
for kind in jtl ndjson; do
  file="$work/results-$size.$kind"
  bytes=$(stat -L -c %s "$file")
  walls=()
  rss=0
  for _ in $(seq "$rounds"); do
    read -r wall kb < <(measure report ./loadsmith report "$file" --json "$work/result-$kind.json")
    walls+=("$wall")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p")
  awk -v w="$median" -v b="$bytes" -v r="$rss" -v k="loadsmith report ($kind)" -v all="${walls[*]}" \
    'BEGIN { printf "%-28s %10.0f %12s %10.0f %14.0f   rounds: %s\n", k, b/1e6, w, b/1e6/w, r/1024, all }'
done

# The issue's reference readers, in the same run: the machine's speed varies from day to day
# (seen here: 2x), so Loadsmith's figures are also given relative to theirs.
for kind in jtl ndjson; do
  file="$work/results-$size.$kind"
  bytes=$(stat -L -c %s "$file")
  walls=()
  for _ in $(seq "$rounds"); do
    ms=$(java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar io.loadsmith.benchmarks.ReferenceScans "$kind" "$file" \
      | sed -n 's/.* in \([0-9]*\) ms$/\1/p')
    walls+=("$(awk -v ms="$ms" 'BEGIN { printf "%.2f", ms / 1000 }')")
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p")
  label=$([ "$kind" = jtl ] && echo "reference byte scan (jtl)" || echo "reference Jackson (ndjson)")
  awk -v w="$median" -v b="$bytes" -v k="$label" -v all="${walls[*]}" \
    'BEGIN { printf "%-28s %10.0f %12s %10.0f %14s   rounds: %s (JVM start left out)\n", k, b/1e6, w, b/1e6/w, "-", all }'
done

jmeter="${LOADSMITH_JMETER:-}"
if [ -z "$jmeter" ]; then
  if [ -f "$HOME/.loadsmith/tools/jmeter-5.6.3/bin/ApacheJMeter.jar" ]; then
    jmeter="java -Xms1g -Xmx1g -jar $HOME/.loadsmith/tools/jmeter-5.6.3/bin/ApacheJMeter.jar"
  else
    jmeter="$(tools/install-jmeter.sh)"
  fi
fi
file="$work/results-$size.jtl"
rm -rf "$work/dashboard"
# shellcheck disable=SC2086
read -r wall kb < <(measure jmeter $jmeter -g "$file" -o "$work/dashboard" -j "$work/jmeter-g.log")
awk -v w="$wall" -v b="$(stat -L -c %s "$file")" -v r="$kb" \
  'BEGIN { printf "%-28s %10.0f %12s %10.0f %14.0f\n", "jmeter -g (JTL)", b/1e6, w, b/1e6/w, r/1024 }'
