#!/usr/bin/env bash
# Brings the whole system up on this machine, from nothing: installs what is missing
# (bootstrap.sh), starts PostgreSQL, Kafka and Temporal, builds the workspace, starts the
# engagement worker, and prints where each part listens.
# Stop everything with: bash infra/local/infra.sh down
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$CTTECH_ROOT"

step "starting the local servers"
pnpm -s infra up

step "building the workspace"
pnpm -s build

step "starting the engagement worker"
pnpm -s infra up engagement-worker

cat <<MESSAGE

The CT TECH+ orchestrator is up: PostgreSQL, Kafka, Temporal and the engagement worker
(task queue engagements). The services and the console come next.
  Temporal Web UI   http://127.0.0.1:58233 (engagements appear there once opened)
  worker log        bash infra/local/infra.sh logs engagement-worker --follow
  status            bash infra/local/infra.sh status
  logs              bash infra/local/infra.sh logs [postgres|kafka|temporal] [--follow]
  stop              bash infra/local/infra.sh down
MESSAGE
