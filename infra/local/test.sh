#!/usr/bin/env bash
# Runs every test on this machine, from nothing: installs what is missing (bootstrap.sh),
# starts the real PostgreSQL, Kafka and Temporal servers (stopping them again afterwards if it
# started them), then checks format, lint and types, runs the unit and integration tiers,
# starts the built system (identity provider, worker, compliance, activities, notifications,
# gateway) and runs the end-to-end tier.
# Exits non-zero when anything fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$CTTECH_ROOT"

results="$CTTECH_ROOT/artifacts/test-results"
rm -rf "$results"
export CTTECH_TEST_RESULTS="$results"

if ! pnpm -s infra status >/dev/null 2>&1; then
  trap 'step "stopping the servers this run started"; pnpm -s infra down' EXIT
fi
step "starting the local servers"
pnpm -s infra up

step "format, lint, types"
pnpm -s format:check
pnpm -s build
pnpm -s lint
pnpm -s typecheck

step "unit tests"
pnpm -s test
step "integration tests (real PostgreSQL, Kafka, Temporal)"
pnpm -s test:integration
step "starting the system for the end-to-end tests (identity provider, worker, compliance, activities, notifications, gateway)"
pnpm -s infra up identity-provider engagement-worker compliance activities notifications gateway
step "end-to-end tests"
pnpm -s test:e2e

node infra/local/src/test-summary.ts "$results"
