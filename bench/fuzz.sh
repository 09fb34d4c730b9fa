#!/usr/bin/env bash
# Fuzzing the readers for minutes: every importer (OpenAPI, HAR, plan file, GraphQL schema) and
# every result parser fed random and mutated inputs, seeded from the repository's fixtures and,
# when it is beside the repository, the shared corpus (files up to 256 KiB).
#   bench/fuzz.sh [SECONDS] [SEED]   (defaults: 300 seconds per reader group, seed 1)
# Each input must end in a result or in the reader's one located error; any other exception, or
# no answer within 60 s, is a failure, and its input is kept in generator-core/target/fuzz-failures/
# to become a fixture. Prints the count of inputs per reader group.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
seconds="${1:-300}"
seed="${2:-1}"
if [ -z "${LOADSMITH_CORPUS:-}" ] && [ -d ../shared/corpus ]; then
  export LOADSMITH_CORPUS="$(cd ../shared/corpus && pwd)"
fi
mvn -B -q -ntp -pl generator-core -am install -DskipTests
rm -rf generator-core/target/fuzz-failures
status=0
mvn -B -q -ntp -pl generator-core surefire:test -Dtest=ReaderFuzzTest -Dloadsmith.fuzz.seconds="$seconds" \
  -Dloadsmith.fuzz.seed="$seed" || status=$?
grep -h '^fuzz ' generator-core/target/surefire-reports/io.loadsmith.fuzz.ReaderFuzzTest-output.txt || true
exit "$status"
