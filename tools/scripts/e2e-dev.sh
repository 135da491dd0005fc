#!/usr/bin/env bash
# Development helper: browser tests given as Jest arguments against a private demo database and ports, e.g.
# `E2E_API_PORT=4200 E2E_WORKER_PORT=4201 E2E_PORTAL_PORT=3200 bash tools/scripts/e2e-dev.sh caselink_mine_e2e apps/portal-e2e/src/cases.e2e.ts`.
# Builds the server into dist/ and the portal into apps/portal/.next (E2E_SKIP_BUILD=1: as they are): one run per
# checkout at a time.
. "$(dirname "$0")/lib.sh"
DB="$1"; shift
ensure_node_modules; ensure_postgres; ensure_redis
[ -n "${E2E_SKIP_BUILD:-}" ] || build_server
e2e_database "$DB"
browser_tests "$DB" "$@"
