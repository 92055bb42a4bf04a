#!/usr/bin/env bash
# Sourced by start.sh and test.sh. Makes a fresh machine ready, reusing caches:
#   - Node and pnpm as pinned (toolchain.sh),
#   - the system tools the local servers need (PostgreSQL server, Java 17+, Maven, pip) and
#     Chromium for the console's browser tests, installed with apt-get when missing and
#     running as root,
#   - the workspace's dependencies (pnpm install).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

# --- system tools for the local servers -------------------------------------------------
missing=()
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || [[ -n "${CTTECH_PG_BIN:-}" ]] || missing+=(postgresql)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
# the browser the console's end-to-end tests drive (playwright-core cannot download one here)
command -v chromium >/dev/null || [[ -n "${CTTECH_CHROMIUM:-}" ]] || missing+=(chromium fonts-dejavu-core)
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    step "installing ${missing[*]} with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    die "missing system packages: ${missing[*]}. Install them (Debian: apt-get install ${missing[*]}) and retry"
  fi
fi

# --- workspace dependencies -------------------------------------------------------------
step "installing workspace dependencies (Node $(node -v), pnpm $(pnpm -v))"
cd "$CTTECH_ROOT"
if [[ "${CI:-}" == "true" ]]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --prefer-offline --reporter=append-only
fi
