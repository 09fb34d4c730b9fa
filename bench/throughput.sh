#!/usr/bin/env bash
# Benchmark: requests per second that the generated k6, Locust, Artillery, JMeter and Gatling scripts reach on
# the demo API, against minimal hand-written scripts of the same flow (bench/throughput/handwritten),
# same users, no think time, alternating runs.
#   bench/throughput.sh [USERS] [SECONDS] [ROUNDS] [TOOLS]   defaults: 8 30 3 k6,locust,artillery,jmeter,gatling
# (about 21 minutes with the defaults)
# BENCH_JAVA_OPTS=-Dbench.scripts=DIR measures edited scripts in DIR/<tool>/ instead of generated ones.
# Needs the tools that ./run-tests installs ($LOADSMITH_TOOLS, default ~/.cache/loadsmith/tools).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
export LOADSMITH_TOOLS="${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}"
mkdir -p bench/work
mvn -B -q -ntp install -DskipTests -pl tool-tests -am
mvn -B -q -ntp -pl tool-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/bench/work/tool-tests.classpath"
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  pin=(taskset -c 0)   # the demo API on CPU 0; ThroughputBench puts each tool on CPU 1
fi
exec "${pin[@]}" java ${BENCH_JAVA_OPTS:-} -Dbench.pin="${#pin[@]}" -cp "tool-tests/target/test-classes:$(cat bench/work/tool-tests.classpath)" io.loadsmith.tools.ThroughputBench "$@"
