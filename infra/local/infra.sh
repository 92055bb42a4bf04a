#!/usr/bin/env bash
# The local infrastructure from any shell: bash infra/local/infra.sh up|down|status|logs
# (the same as `pnpm infra ...` once Node 24 and pnpm are on PATH).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$CTTECH_ROOT"
[[ -d infra/local/node_modules ]] || pnpm install --prefer-offline --reporter=silent
exec node --disable-warning=TimeoutNegativeWarning infra/local/src/cli.ts "$@"
