#!/usr/bin/env bash
# Installs Locust from Debian's packages (python3-locust, with python3-websocket for the
# WebSocket sessions of generated locustfiles) and writes a wrapper at
# PREFIX/bin/locust that runs /usr/bin/locust: the python3 on PATH may be another Python
# (pyenv) that cannot import Debian's locust. Needs root (or sudo) for apt-get.
#   usage: tools/install-locust.sh [PREFIX]     default: $LOADSMITH_TOOLS/locust
set -euo pipefail
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/locust}"
die() { echo "install-locust: ERROR: $*" >&2; exit 1; }

packages=(python3-locust python3-websocket)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo="sudo"; } || die "apt-get needs root; run as root or install sudo"
  echo "install-locust: apt-get install ${packages[*]}" >&2
  $sudo apt-get update -qq >&2 || die "apt-get update failed (is the Debian archive reachable?)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2 \
    || die "apt-get install ${packages[*]} failed"
fi
[ -x /usr/bin/locust ] || die "/usr/bin/locust is missing although python3-locust is installed"

mkdir -p "$prefix/bin"
version="$(dpkg-query -W -f '${Version}' python3-locust)"
upstream="${version%%-*}"
upstream="${upstream%%+*}"
cat > "$prefix/bin/locust" <<WRAPPER
#!/usr/bin/env bash
# Written by install-locust.sh: Debian's locust $version. Debian's build reports an empty
# version: --version is answered from dpkg, and the version is set before Locust starts, as a
# master refuses a worker that reports none ("An old (pre 2.0) worker tried to connect").
if [ "\${1:-}" = "--version" ] || [ "\${1:-}" = "-V" ]; then
  echo "locust $upstream"
  exit 0
fi
exec /usr/bin/python3 -c '
import sys
import locust, locust.runners
locust.__version__ = locust.runners.__version__ = locust.__version__ or "$upstream"
from locust.main import main
sys.argv[0] = "locust"
sys.exit(main())' "\$@"
WRAPPER
chmod 755 "$prefix/bin/locust"
"$prefix/bin/locust" --help >/dev/null 2>&1 || die "locust does not start"
echo "$prefix/bin/locust"
