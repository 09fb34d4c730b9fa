#!/usr/bin/env bash
# Makes the tool outputs in this folder: fixtures.plan.yaml generated for each tool and run by the
# real tool, the way its users run it, against the demo API on 127.0.0.1 (2 users, 4 s (Locust 12 s), one
# request in five failing with 404). The tests read these files (result parsers, `loadsmith report`); run
# this again only to refresh them after a tool's output format changed, and commit what it writes.
#   usage: samples/results/record.sh [TOOL...]   (default: all five; tools from $LOADSMITH_TOOLS, as ./run-tests
#                                                 installs them)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}"
port="${PORT:-18089}"
work="$(mktemp -d)"
all=(k6 locust artillery jmeter gatling)
selected=("${@:-${all[@]}}")
wanted() { [[ " ${selected[*]} " == *" $1 "* ]]; }
for tool in "${selected[@]}"; do wanted "$tool" && [[ " ${all[*]} " == *" $tool "* ]] || { echo "record.sh: no tool $tool" >&2; exit 64; }; done
trap 'kill "$api" 2>/dev/null || true; rm -rf "$work"' EXIT

"$root/loadsmith" --version >/dev/null
java -cp "$root/cli/target/loadsmith.jar" io.loadsmith.samples.demo.DemoApi "$port" > "$work/api.log" 2>&1 &
api=$!
for _ in $(seq 50); do grep -q "Bookshop demo API" "$work/api.log" && break; sleep 0.2; done
export BASE_URL="http://127.0.0.1:$port/api" OAUTH_CLIENT_ID=loadsmith-demo OAUTH_CLIENT_SECRET=demo-secret
export ARTILLERY_DISABLE_TELEMETRY=true K6_NO_USAGE_REPORT=true
"$root/loadsmith" generate "$here/fixtures.plan.yaml" --tool all --out "$work/out" >/dev/null 2>&1

# k6, in one run: the JSON stream (gzipped, as `loadsmith run` keeps it), CSV, --summary-export (whose
# breached threshold exits 99), and handleSummary's data, through a module that re-exports the script.
if wanted k6; then
mkdir -p "$here/k6"
(cd "$work/out/k6" && {
  cat > handle-summary.js <<'JS'
export * from './script.js';
export { default } from './script.js';
export function handleSummary(data) {
  return { 'handle-summary.json': JSON.stringify(data, null, 2) };
}
JS
  "$tools/k6/bin/k6" run --summary-export summary.json --out json=samples.ndjson --out csv=samples.csv handle-summary.js \
    > console.txt 2>&1 || [ $? -eq 99 ]
  gzip -9n samples.ndjson
  cp samples.ndjson.gz samples.csv summary.json handle-summary.json "$here/k6/"
})
fi

# Locust: its CSV family, with the full history (locust.conf beside the locustfile holds the workload;
# a failed request makes it exit 1). Locust 2.12 flushes the history every 10 s and not at exit: 12 s.
if wanted locust; then
mkdir -p "$here/locust"
(cd "$work/out/locust" && {
  "$tools/locust/bin/locust" -f locustfile.py --headless --csv locust --csv-full-history -t 12s \
    > console.txt 2>&1 || [ $? -eq 1 ]
  cp locust_stats.csv locust_failures.csv locust_exceptions.csv locust_stats_history.csv "$here/locust/"
})
fi

# Artillery: its JSON report (its ensure conditions see the breached threshold: exit code 21).
if wanted artillery; then
mkdir -p "$here/artillery"
(cd "$work/out/artillery" && {
  "$tools/artillery/bin/artillery" run --output report.json --target "$BASE_URL" scenario.yml > console.txt 2>&1 \
    || [ $? -eq 21 ]
  cp report.json "$here/artillery/"
})
fi

# JMeter: the default CSV JTL, and the XML one.
if wanted jmeter; then
mkdir -p "$here/jmeter"
(cd "$work/out/jmeter" && {
  HEAP="-Xms256m -Xmx512m" "$tools/jmeter/bin/jmeter" -n -t plan.jmx -l results.jtl -j jmeter.log > console.txt 2>&1
  HEAP="-Xms256m -Xmx512m" "$tools/jmeter/bin/jmeter" -n -t plan.jmx -l results.xml.jtl -j jmeter-xml.log \
    -Jjmeter.save.saveservice.output_format=xml > console-xml.txt 2>&1
  cp results.jtl results.xml.jtl "$here/jmeter/"
})
fi

# Gatling: its simulation.log (binary since 3.13) and its console, whose last table and "Global
# Information" are Gatling's own counts of the same run (a failed assertion exits 2).
if wanted gatling; then
mkdir -p "$here/gatling"
(cd "$work/out/gatling" && {
  "$tools/gatling/bin/gatling" -s loadsmith.LoadsmithSimulation -rf results -nr src/test/java src/test/resources \
    > console.txt 2>&1 || [ $? -eq 2 ]
  cp results/*/simulation.log console.txt "$here/gatling/"
})
fi

# VERSIONS.txt: the versions of the tools recorded now; the lines of the others stay.
versions() {
  case "$1" in
    k6) "$tools/k6/bin/k6" version ;;
    locust) "$tools/locust/bin/locust" --version ;;
    artillery) "$tools/artillery/bin/artillery" --version 2>/dev/null | grep -E '^(Artillery|Node)' ;;
    jmeter) (cd "$work" && HEAP="-Xmx256m" "$tools/jmeter/bin/jmeter" --version 2>/dev/null) | grep -oE '[0-9]+\.[0-9]+\.[0-9]+$' \
      | sed 's/^/JMeter /' ;;
    gatling) "$tools/gatling/bin/gatling" --version ;;
  esac
}
declare -A prefix=([k6]='^k6 ' [locust]='^locust ' [artillery]='^(Artillery|Node)' [jmeter]='^JMeter ' [gatling]='^Gatling ')
{
  echo "recorded with (each tool's outputs on the day given):"
  for tool in "${all[@]}"; do
    if wanted "$tool"; then
      versions "$tool" | sed "s/\$/   (recorded $(date -u +%Y-%m-%d))/"
    elif [ -f "$here/VERSIONS.txt" ]; then
      grep -E "${prefix[$tool]}" "$here/VERSIONS.txt" || true
    fi
  done
} > "$work/VERSIONS.txt"
mv "$work/VERSIONS.txt" "$here/VERSIONS.txt"
echo "record.sh: wrote the outputs of ${selected[*]} under $here"
