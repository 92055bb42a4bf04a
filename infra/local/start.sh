#!/usr/bin/env bash
# Brings the whole system up on this machine, from nothing: installs what is missing
# (bootstrap.sh), starts PostgreSQL, Kafka and Temporal, builds the workspace, starts the
# engagement worker and the services, seeds the demo programme through the gateway (once:
# running it again changes nothing), and prints where each part listens.
# Stop everything with: bash infra/local/infra.sh down
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$CTTECH_ROOT"

step "starting the local servers"
pnpm -s infra up

step "building the workspace"
pnpm -s build

step "starting the identity provider, the engagement worker and the services (compliance, activities, notifications, gateway)"
pnpm -s infra up identity-provider engagement-worker compliance activities notifications gateway

step "seeding the demo programme (infra/local/src/demo-programme.ts; again: pnpm demo)"
demo_seeded=true
if ! pnpm -s demo; then
  demo_seeded=false
fi

cat <<MESSAGE

The CT TECH+ orchestrator is up: PostgreSQL, Kafka, Temporal, the engagement worker (with the
bridge), the compliance, activities and notifications services, the gateway in front of them and
a local identity provider. The console is served by the gateway.
  console           http://127.0.0.1:53000/console/ (sign in with your organisation's account:
                    username and password are the demo user's id; or one click on a demo user)
  identity provider http://127.0.0.1:53040 (OpenID Connect, development only)
  demo programme    cycle 2026: Ghana, Iraq, Kenya, Nigeria, Philippines, Tajikistan, Uzbekistan,
                    each at another point of its engagement (listed above; again: pnpm demo)
  demo users        officers officer-gh-1, officer-iq-1, officer-ke-1, officer-ng-1, officer-ph-1,
                    officer-tj-1, officer-uz-1; reviewers reviewer-1 (KE, NG), reviewer-2 (KE),
                    reviewer-3 (GH, IQ, NG, PH, TJ, UZ), reviewer-4 (GH, IQ, PH, TJ, UZ);
                    manager-1; operator-1 (local only, never real people)
  API               http://127.0.0.1:53000/api/v1 (OpenAPI: /api/v1/openapi.json)
  a demo token      curl -s -X POST http://127.0.0.1:53000/dev/tokens \\
                      -H 'content-type: application/json' -d '{"userId":"officer-ke-1"}'
  compliance        http://127.0.0.1:53010 (reviews, decisions, audit; same tokens)
  activities        http://127.0.0.1:53020 (activities, participants, attendance; same tokens)
  notifications     http://127.0.0.1:53030 (inbox, live stream, preferences; e-mail off unless SMTP_URL is set)
  Temporal Web UI   http://127.0.0.1:58233 (engagements appear there once opened)
  dead letters      pnpm dead-letters list cttech.compliance-events
  logs              bash infra/local/infra.sh logs [engagement-worker|gateway|compliance|activities|notifications|identity-provider|kafka|...] [--follow]
  status            bash infra/local/infra.sh status
  stop              bash infra/local/infra.sh down
MESSAGE

if [[ "$demo_seeded" != true ]]; then
  echo "error: the system is up, but the demo programme could not be seeded (see above); try again: pnpm demo" >&2
  exit 1
fi
