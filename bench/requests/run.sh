#!/usr/bin/env bash
# npm run bench:requests — see bench/requests/run.ts and docs/benchmarks.md (Requests).
# A fresh database caselink_bench_requests every run (dropped, created, migrated, seeded), two api processes
# and one worker as built. BENCH_SKIP_BUILD=1 keeps dist/ as it is (build_server wipes dist/apps, dist/libs and
# dist/tools first). Knobs: BENCH_SENDERS (50), BENCH_SECONDS (30 per scenario), BENCH_WARMUP_SECONDS (5),
# BENCH_SINGLE_SECONDS (10), BENCH_PACE_MS (1000), BENCH_DEADLINE_REQUESTS (200), BENCH_DEADLINE_RATE (10/s),
# BENCH_DEADLINE_MODES (deployed,jobs,lost), BENCH_PROFILE=1 (a CPU profile of api A in dist/bench/requests-profile/),
# BENCH_API_PORT (4330; api B and the worker's health on the next two), BENCH_API_PROCESSES (1: senders on api A;
# 2: senders spread over api A and B, banks on B), BENCH_REQUESTS_DB (caselink_bench_requests, dropped and created).
# BENCH_TARGET=cluster: the same senders and banks through `npm run cluster`'s entry point (brought up fresh and down after;
# without its portal), deadlines left out.
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 3 senders, 1 s per scenario, 6 deadline freezes per mode; every send,
# event and deadline checked; on a database of its own (BENCH_REQUESTS_DB, default caselink_bench_requests_smoke)
# dropped at the end.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
. "$(dirname "$0")/../smoke-lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/api/src/main.js ] && [ -f dist/apps/worker/src/main.js ] || die "dist/apps is not built: run without BENCH_SKIP_BUILD"
npx swc bench/requests bench/linking -d dist --config-file .swcrc -q >/dev/null
if [ "${BENCH_TARGET:-}" = "cluster" ]; then
  # The production topology (npm run cluster), fresh, stopped when the bench ends; its database is the demo's.
  trap 'bash tools/scripts/cluster.sh down' EXIT
  # The bench's 100 senders and 2 banks sign in from this one address: above the per-address limit (20 a minute).
  export RATE_LIMIT_LOGIN_IP="${RATE_LIMIT_LOGIN_IP:-1000/60}"
  CLUSTER_SKIP_BUILD=1 CLUSTER_SKIP_PORTAL=1 CLUSTER_JUDGMENTS=0 bash tools/scripts/cluster.sh up
  eval "$(bash tools/scripts/cluster.sh env)"
  export BENCH_ENTRY_URL="$CLUSTER_ENTRY_URL" BENCH_CLUSTER_DIR="$CLUSTER_DIR" BENCH_DATABASE_URL="$CLUSTER_APP_URL" BENCH_OWNER_URL="$CLUSTER_OWNER_URL"
  export BENCH_LINKER_URL="$CLUSTER_OWNER_URL"
  psql "postgres://postgres@127.0.0.1:$CLUSTER_PG_PORT/caselink" -w -qtAc 'select 1' >/dev/null 2>&1 && export BENCH_ADMIN_URL="postgres://postgres@127.0.0.1:$CLUSTER_PG_PORT/caselink"
  node dist/bench/requests/run.js
  exit $?
fi
fresh=1
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  BENCH_DB="${BENCH_REQUESTS_DB:-caselink_bench_requests_smoke}"
  smoke_database "$BENCH_DB" && fresh=
else
  BENCH_DB="${BENCH_REQUESTS_DB:-caselink_bench_requests}"
  admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)"
  ensure_database "$BENCH_DB"
fi
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
export BENCH_LINKER_URL="$(with_database "$LINKER_DATABASE_URL" "$BENCH_DB")"
# Optional: a superuser connection lets the bench sample what PostgreSQL backends wait on.
if [ -z "${BENCH_ADMIN_URL:-}" ] && psql "postgres://postgres@$PG_HOST:$PG_PORT/$BENCH_DB" -w -qtAc 'select 1' >/dev/null 2>&1; then
  export BENCH_ADMIN_URL="postgres://postgres@$PG_HOST:$PG_PORT/$BENCH_DB"
fi
if [ -n "$fresh" ]; then
  migrate "$BENCH_OWNER_URL"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
fi
node dist/bench/requests/run.js
