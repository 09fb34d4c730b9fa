#!/usr/bin/env bash
# Makes k6 (0.48 or newer) available as PREFIX/bin/k6, a wrapper that turns k6's usage report off
# (K6_NO_USAGE_REPORT=true), and prints its path. In this order:
#   1. LOADSMITH_K6_PATH, or a k6 on the PATH, when it is 0.48 or newer: the wrapper runs it;
#   2. else k6's source with its vendored modules (k6-v0.48.0-src.tar.gz), from LOADSMITH_K6_SOURCE
#      or ../shared/tools/k6/ beside the repository: built offline with Go (Debian's golang-go 1.19
#      is enough for 0.48; about 90 s on 2 cores, once);
#   3. else it stops and says how to install k6.
#   usage: tools/install-k6.sh [PREFIX]     default: $LOADSMITH_TOOLS/k6
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/k6}"
die() { echo "install-k6: ERROR: $*" >&2; exit 1; }

# "k6 v0.48.0 (go1.19.8, linux/amd64)" -> 0 when the version is at least 0.48.
new_enough() {
  local version
  version="$("$1" version 2>/dev/null | sed -n 's/^k6 v\([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p' | head -n 1)"
  [ -n "$version" ] || return 1
  set -- $version
  [ "$1" -gt 0 ] || [ "$2" -ge 48 ]
}

wrap() {  # wrap EXECUTABLE STAMP
  mkdir -p "$prefix/bin"
  cat > "$prefix/bin/k6.tmp" <<WRAPPER
#!/bin/sh
# Written by install-k6.sh: runs $1 without its usage report.
export K6_NO_USAGE_REPORT=true
exec "$1" "\$@"
WRAPPER
  chmod 755 "$prefix/bin/k6.tmp"
  mv "$prefix/bin/k6.tmp" "$prefix/bin/k6"
  echo "$2" > "$prefix/.stamp"
}

installed="${LOADSMITH_K6_PATH:-$(command -v k6 || true)}"
if [ -n "$installed" ] && [ "$(readlink -f "$installed")" != "$(readlink -f "$prefix/bin/k6")" ]; then
  [ -x "$installed" ] || die "LOADSMITH_K6_PATH=$installed is not an executable file"
  if new_enough "$installed"; then
    wrap "$(readlink -f "$installed")" "k6=$installed"
    "$prefix/bin/k6" version >&2
    echo "$prefix/bin/k6"
    exit 0
  fi
  echo "install-k6: $installed is older than k6 0.48 ($("$installed" version 2>&1 | head -n 1)); building one instead" >&2
fi

source="${LOADSMITH_K6_SOURCE:-$root/../shared/tools/k6/k6-v0.48.0-src.tar.gz}"
if [ ! -f "$source" ] && [ -x "$prefix/libexec/k6" ] && new_enough "$prefix/bin/k6"; then
  echo "$prefix/bin/k6"   # built here before, from a source that is not beside the repository now
  exit 0
fi
if [ ! -f "$source" ]; then
  die "k6 0.48 or newer is needed and none was found: install it (https://grafana.com/docs/k6/latest/set-up/install-k6/: \
apt install k6 from Grafana's repository, brew install k6, or a release binary from https://github.com/grafana/k6/releases) \
and put it on the PATH or in LOADSMITH_K6_PATH, or set LOADSMITH_K6_SOURCE to k6's source archive with its vendor/ folder \
(looked for $source)"
fi
stamp="k6-source=$(sha256sum "$source" | cut -c1-16)"
if [ "$(cat "$prefix/.stamp" 2>/dev/null)" = "$stamp" ] && [ -x "$prefix/libexec/k6" ] && new_enough "$prefix/bin/k6"; then
  echo "$prefix/bin/k6"
  exit 0
fi

if ! command -v go >/dev/null; then
  command -v apt-get >/dev/null || die "Go is needed to build k6 from $source (Debian package golang-go)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo="sudo"; } || die "apt-get needs root to install golang-go"
  echo "install-k6: apt-get install golang-go" >&2
  $sudo apt-get update -qq >&2 || die "apt-get update failed (is the Debian archive reachable?)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends golang-go >&2 \
    || die "apt-get install golang-go failed"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$source" -C "$work"
dir="$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
[ -f "$dir/go.mod" ] && [ -d "$dir/vendor" ] || die "$source holds no Go module with a vendor/ folder"
echo "install-k6: building k6 from $(basename "$source") with $(go version | cut -d' ' -f3), offline" >&2
(cd "$dir" && GOFLAGS=-mod=vendor GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0 \
   go build -trimpath -o "$work/k6" .) >&2 || die "go build failed"
"$work/k6" version >/dev/null || die "the k6 that was built does not start"
mkdir -p "$prefix/libexec"
mv "$work/k6" "$prefix/libexec/k6"
wrap "$prefix/libexec/k6" "$stamp"
"$prefix/bin/k6" version >&2
echo "$prefix/bin/k6"
