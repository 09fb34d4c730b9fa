#!/usr/bin/env bash
# Installs Apache JMeter from Maven Central. The binary distribution is not on Central, but its
# parts are: this script lays them out as a JMeter home (bin/ApacheJMeter.jar and the files of
# ApacheJMeter_config in bin/, the samplers, components and functions in lib/ext/, their
# dependencies in lib/) and writes bin/jmeter, which starts it the way the distribution does.
#   usage: tools/install-jmeter.sh [PREFIX]      default: $LOADSMITH_TOOLS/jmeter
set -euo pipefail
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/jmeter}"
version="${JMETER_VERSION:-5.6.3}"
modules="ApacheJMeter_core ApacheJMeter_http ApacheJMeter_components ApacheJMeter_functions ApacheJMeter_java"
stamp="jmeter=$version modules=$modules"
die() { echo "install-jmeter: ERROR: $*" >&2; exit 1; }

# bin/jmeter, as the distribution's: Loadsmith's own JMeter fetch lays out the same home without it.
write_launcher() {
  cat > "$1/bin/jmeter" <<'LAUNCHER'
#!/usr/bin/env bash
# Written by install-jmeter.sh: starts JMeter as the distribution's bin/jmeter does, with the
# same knobs (HEAP, GC_ALGO, JVM_ARGS, JAVA_HOME).
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
: "${HEAP:=-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m}"
: "${GC_ALGO:=-XX:+UseG1GC -XX:MaxGCPauseMillis=100 -XX:G1ReservePercent=20}"
# shellcheck disable=SC2086
exec "$java" $HEAP $GC_ALGO -Djava.security.egd=file:/dev/urandom ${JVM_ARGS:-} -jar "$home/bin/ApacheJMeter.jar" "$@"
LAUNCHER
  chmod 755 "$1/bin/jmeter"
}

if [ "$(cat "$prefix/.stamp" 2>/dev/null)" = "$stamp" ] && [ -f "$prefix/bin/ApacheJMeter.jar" ] && [ ! -x "$prefix/bin/jmeter" ]; then
  write_launcher "$prefix"
fi
if [ "$(cat "$prefix/.stamp" 2>/dev/null)" != "$stamp" ] || ! "$prefix/bin/jmeter" --version >/dev/null 2>&1; then
  command -v mvn >/dev/null || die "Maven (mvn) is needed to install JMeter"
  command -v unzip >/dev/null || command -v jar >/dev/null || die "unzip or the JDK's jar is needed"
  stage="$prefix.stage.$$"
  trap 'rm -rf "$stage"' EXIT
  rm -rf "$stage" && mkdir -p "$stage/bin" "$stage/lib/ext" "$stage/lib/junit" "$stage/pom"
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>local.loadsmith</groupId><artifactId>jmeter-home</artifactId><version>1</version><dependencies>'
    for artifact in ApacheJMeter ApacheJMeter_config $modules; do
      echo "<dependency><groupId>org.apache.jmeter</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>"
    done
    echo '</dependencies></project>'
  } > "$stage/pom/pom.xml"
  echo "install-jmeter: fetching JMeter $version from Maven Central" >&2
  if ! mvn -B -ntp -f "$stage/pom/pom.xml" ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DoutputDirectory="$stage/lib" -DincludeScope=runtime > "$stage/mvn.log" 2>&1; then
    tail -n 30 "$stage/mvn.log" >&2
    die "mvn could not fetch JMeter $version (is Maven Central reachable?)"
  fi
  mv "$stage/lib/ApacheJMeter-$version.jar" "$stage/bin/ApacheJMeter.jar"
  for module in $modules; do
    mv "$stage/lib/$module-$version.jar" "$stage/lib/ext/"
  done
  config="$stage/lib/ApacheJMeter_config-$version.jar"
  if command -v unzip >/dev/null; then
    unzip -q -o "$config" 'bin/*' -d "$stage"
  else
    (cd "$stage" && jar xf "$config" bin)
  fi
  rm -rf "$config" "$stage/pom" "$stage/mvn.log"
  write_launcher "$stage"
  echo "$stamp" > "$stage/.stamp"
  HEAP="-Xmx256m" "$stage/bin/jmeter" --version >/dev/null 2>&1 || die "jmeter does not start"
  rm -rf "$prefix" && mkdir -p "$(dirname "$prefix")" && mv "$stage" "$prefix"
  trap - EXIT
fi
echo "$prefix/bin/jmeter"
