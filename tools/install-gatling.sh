#!/usr/bin/env bash
# Installs Gatling (Java DSL) from Maven Central as Loadsmith runs it: its jars in lib/ (with the
# Maven dependency plugin), conf/gatling.conf (no analytics) and conf/logback.xml, and bin/gatling,
# which compiles a simulation's Java sources with javac and runs Gatling on them. The same files
# that `loadsmith run --tool gatling` lays out itself when no Gatling is installed.
#   usage: tools/install-gatling.sh [PREFIX]      default: $LOADSMITH_TOOLS/gatling
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
files="$root/generator-core/src/main/resources/io/loadsmith/tool/gatling"
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/gatling}"
version="${GATLING_VERSION:-3.15.1}"
stamp="gatling=$version launcher=$(cat "$files/gatling" "$files/gatling.conf" "$files/logback.xml" | sha256sum | cut -c1-12)"
die() { echo "install-gatling: ERROR: $*" >&2; exit 1; }

if [ "$(cat "$prefix/.stamp" 2>/dev/null)" = "$stamp" ] && [ -x "$prefix/bin/gatling" ]; then
  echo "$prefix/bin/gatling"
  exit 0
fi
command -v mvn >/dev/null || die "Maven (mvn) is needed to install Gatling"
command -v "${JAVA_HOME:+$JAVA_HOME/bin/}javac" >/dev/null || die "a JDK's javac is needed to compile simulations"
stage="$prefix.stage.$$"
trap 'rm -rf "$stage"' EXIT
rm -rf "$stage" && mkdir -p "$stage/bin" "$stage/lib" "$stage/conf" "$stage/pom"
cat > "$stage/pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local.loadsmith</groupId><artifactId>gatling-home</artifactId><version>1</version>
<dependencies><dependency><groupId>io.gatling.highcharts</groupId><artifactId>gatling-charts-highcharts</artifactId>
<version>$version</version></dependency></dependencies></project>
POM
echo "install-gatling: fetching Gatling $version from Maven Central" >&2
if ! mvn -B -ntp -f "$stage/pom/pom.xml" ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$stage/lib" -DincludeScope=runtime > "$stage/mvn.log" 2>&1; then
  tail -n 30 "$stage/mvn.log" >&2
  die "mvn could not fetch Gatling $version (is Maven Central reachable?)"
fi
rm -rf "$stage/pom" "$stage/mvn.log"
cp "$files/gatling" "$stage/bin/gatling" && chmod 755 "$stage/bin/gatling"
cp "$files/gatling.conf" "$files/logback.xml" "$stage/conf/"
echo "$version" > "$stage/VERSION"
echo "$stamp" > "$stage/.stamp"
"$stage/bin/gatling" --version >/dev/null || die "the launcher does not start"
rm -rf "$prefix" && mkdir -p "$(dirname "$prefix")" && mv "$stage" "$prefix"
trap - EXIT
echo "$prefix/bin/gatling"
