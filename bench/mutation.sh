#!/usr/bin/env bash
# Mutation testing, a benchmark of the tests: PIT mutates the code and runs the tests that cover
# each mutant; a mutant no test notices is a wrong line that would go unnoticed.
#   bench/mutation.sh [PACKAGE...]              packages of generator-core, e.g. result render.escape
#   MODULE=cli bench/mutation.sh [PACKAGE...]   packages of the CLI (io.loadsmith.cli)
# Default: every package of the module, one after the other (minutes each, an hour or more in all).
# Prints per package the mutants, the mutation score (killed / all) and the test strength
# (killed / covered), as PIT defines them; PIT's HTML report is left in
# MODULE/target/pit-reports/PACKAGE/. Runs without the corpus suite (LOADSMITH_CORPUS unset).
# Not beside the real-tool tests: it keeps both cores busy, and their checks of the load generator's
# health would see a busy machine.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
module="${MODULE:-generator-core}"
base=io/loadsmith
[ "$module" = cli ] && base=io/loadsmith/cli
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
  mapfile -t packages < <(cd "$module/src/main/java/$base" && find . -name '*.java' -printf '%h\n' | sort -u \
    | sed -e 's|^\./||' -e 's|^\.$||' -e 's|/|.|g')
fi
unset LOADSMITH_CORPUS

mvn -B -q -ntp -pl "$module" -am install -DskipTests
pkgname() { local p="io.loadsmith${2:+.}$2"; [ "$1" = cli ] && p="io.loadsmith.cli${2:+.}$2"; echo "$p"; }
printf '%-28s %8s %8s %8s %10s %9s\n' package mutants killed covered score strength
session=""
trap '[ -z "$session" ] || pkill -KILL -s "$session" 2>/dev/null || true' EXIT
for package in "${packages[@]}"; do
  name=$(pkgname "$module" "$package")
  report="$root/$module/target/pit-reports/${package:-root}"
  mkdir -p "$report"
  # Only this package's classes: PIT's * crosses dots, so each top-level class is named (with its
  # nested classes); the count below keeps this package's mutants only all the same.
  dir="$module/src/main/java/$base${package:+/}${package//.//}"
  targets=$(find "$dir" -maxdepth 1 -name '*.java' -printf '%f\n' | sed 's/\.java$//' | sort \
    | awk -v pkg="$name" '{ printf "%s%s.%s,%s.%s$*", (NR > 1 ? "," : ""), pkg, $0, pkg, $0 }')
  # In a session of its own: a mutant that keeps the runner from ending processes (of the tests of
  # the run package) leaves them running, and they would load the machine for whatever comes next.
  # What is left of the session once PIT is done, or stopped, is killed.
  setsid mvn -B -q -ntp -pl "$module" org.pitest:pitest-maven:mutationCoverage -DtargetClasses="$targets" \
    -DreportsDirectory="$report" -DfailWhenNoMutations=false > "$report/pit.log" 2>&1 &
  session=$!
  status=0
  wait "$session" || status=$?
  pkill -KILL -s "$session" 2>/dev/null || true
  [ "$status" -eq 0 ] || { echo "mutation.sh: PIT failed on $name (see $report/pit.log)" >&2; exit 1; }
  [ -f "$report/mutations.xml" ] || { printf '%-28s %8s\n' "${package:-.}" 0; continue; }
  # One <mutation> element per line: its status and class; keep the classes of this very package.
  grep -o "status='[A-Z_]*'.*<mutatedClass>[^<]*</mutatedClass>" "$report/mutations.xml" \
    | sed -E "s/status='([A-Z_]+)'.*<mutatedClass>([^<]*)<\/mutatedClass>/\1 \2/" \
    | awk -v pkg="$name" -v label="${package:-.}" '
        { cls = $2; sub(/\$.*/, "", cls); p = cls; sub(/\.[^.]*$/, "", p); if (p != pkg) next
          total++; if ($1 != "NO_COVERAGE") covered++; if ($1 ~ /^(KILLED|TIMED_OUT|MEMORY_ERROR|RUN_ERROR)$/) killed++ }
        END { if (total == 0) { printf "%-28s %8d\n", label, 0; exit }
              printf "%-28s %8d %8d %8d %9.0f%% %8.0f%%\n", label, total, killed, covered,
                     100 * killed / total, covered ? 100 * killed / covered : 0 }'
done
