#!/usr/bin/env bash
# Installs Prism (@stoplight/prism-cli), the mock server that answers an error for any request
# that does not match an OpenAPI document, from the npm registry; the tests run the generated
# scripts against it to prove their requests valid. It runs on the Node.js of this machine
# (18.20 or newer); npm runs with --ignore-scripts, as nothing Prism needs is built at install.
#   usage: tools/install-prism.sh [PREFIX]  default: $LOADSMITH_TOOLS/prism
set -euo pipefail
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/prism}"
prism="${PRISM_VERSION:-5.14.2}"
stamp="prism=$prism"
die() { echo "install-prism: ERROR: $*" >&2; exit 1; }

command -v node >/dev/null || die "Node.js 18.20 or newer is needed to run Prism"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || a === 18 && b >= 20 ? 0 : 1)' \
  || die "Prism needs Node.js 18.20 or newer; this is $(node --version)"

if [ "$(cat "$prefix/.stamp" 2>/dev/null)" != "$stamp" ] || ! "$prefix/bin/prism" --version >/dev/null 2>&1; then
  command -v npm >/dev/null || die "npm is needed to install Prism"
  stage="$prefix.stage.$$"
  trap 'rm -rf "$stage"' EXIT
  rm -rf "$stage" && mkdir -p "$stage/bin"
  echo '{"name":"loadsmith-prism","private":true}' > "$stage/package.json"
  echo "install-prism: npm install @stoplight/prism-cli@$prism" >&2
  npm install --prefix "$stage" --ignore-scripts --no-fund --no-audit --no-update-notifier --loglevel=error \
      "@stoplight/prism-cli@$prism" >&2 || die "npm install failed (is the npm registry reachable?)"
  cat > "$stage/bin/prism" <<'WRAPPER'
#!/usr/bin/env bash
# Written by install-prism.sh.
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
exec node "$root/node_modules/@stoplight/prism-cli/dist/index.js" "$@"
WRAPPER
  chmod 755 "$stage/bin/prism"
  echo "$stamp" > "$stage/.stamp"
  "$stage/bin/prism" --version >/dev/null 2>&1 || die "prism does not start"
  rm -rf "$prefix" && mkdir -p "$(dirname "$prefix")" && mv "$stage" "$prefix"
  trap - EXIT
fi
echo "$prefix/bin/prism"
