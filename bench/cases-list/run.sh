#!/usr/bin/env bash
# Case-list benchmark: the GraphQL api vs a bare Fastify + pg endpoint serving the same rows, on
# generated data. BENCH_CASES (default 100000) cases are generated once into caselink_bench_cases.
# Ports BENCH_API_PORT (4300) and BENCH_BARE_PORT (4301). BENCH_SKIP_BUILD=1 keeps dist/ as it is (build_server wipes
# dist/apps, dist/libs and dist/tools first).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 300 generated cases, 1 s warm-up and 1 s measured per server at 4
# connections, every body checked and both servers checked to serve the same page, on a database of its own
# (BENCH_CASES_LIST_DB, default caselink_bench_cases_smoke) dropped at the end. A full run keeps its database
# (BENCH_CASES_LIST_DB, default caselink_bench_cases) for the next run.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
. "$(dirname "$0")/../smoke-lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/api/src/main.js ] && [ -f dist/tools/generator/load.js ] || die "dist/ is not built: run without BENCH_SKIP_BUILD"
npx swc bench/cases-list bench/linking -d dist --config-file .swcrc -q >/dev/null
fresh=1
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  BENCH_DB="${BENCH_CASES_LIST_DB:-caselink_bench_cases_smoke}"
  smoke_database "$BENCH_DB" && fresh=
else
  BENCH_DB="${BENCH_CASES_LIST_DB:-caselink_bench_cases}"
  ensure_database "$BENCH_DB"
fi
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
if [ -n "$fresh" ]; then
  migrate "$BENCH_OWNER_URL"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
fi
have="$(psql "$BENCH_OWNER_URL" -qtAc 'SELECT count(*) FROM cases')"
if [ "$have" -lt "${BENCH_CASES:-100000}" ]; then
  say "Generating ${BENCH_CASES:-100000} cases (once)"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/generator/load.js --truncate --cases "${BENCH_CASES:-100000}" --seed 42
  PGOPTIONS='-c client_min_messages=error' psql "$BENCH_OWNER_URL" -qc 'ANALYZE'
fi
node dist/bench/cases-list/run.js
