#!/usr/bin/env bash
# Installs Debian's chromium (headless, for the tests that open Loadsmith's HTML report in a real
# browser) and writes a wrapper at PREFIX/bin/chromium that starts it headless, without a
# sandbox (the tests may run as root), the GPU, or any network: every host name resolves to
# nothing, and every connection goes to a proxy that is not there. Callers pass their own
# --user-data-dir. Needs root (or sudo) for apt-get.
#   usage: tools/install-chromium.sh [PREFIX]     default: $LOADSMITH_TOOLS/chromium
set -euo pipefail
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/chromium}"
die() { echo "install-chromium: ERROR: $*" >&2; exit 1; }

if ! dpkg -s chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo="sudo"; } || die "apt-get needs root; run as root or install sudo"
  echo "install-chromium: apt-get install chromium" >&2
  $sudo apt-get update -qq >&2 || die "apt-get update failed (is the Debian archive reachable?)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2 \
    || die "apt-get install chromium failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing although the chromium package is installed"

mkdir -p "$prefix/bin"
version="$(dpkg-query -W -f '${Version}' chromium)"
cat > "$prefix/bin/chromium" <<WRAPPER
#!/usr/bin/env bash
# Written by install-chromium.sh: Debian's chromium $version, headless and offline.
exec /usr/bin/chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \\
  --no-default-browser-check --disable-background-networking --disable-component-update --disable-sync \\
  --disable-extensions --metrics-recording-only --no-pings --host-resolver-rules="MAP * ~NOTFOUND" \\
  --proxy-server="http://127.0.0.1:9" "\$@"
WRAPPER
chmod 755 "$prefix/bin/chromium"
"$prefix/bin/chromium" --version >/dev/null 2>&1 || die "chromium does not start"
echo "$prefix/bin/chromium"
