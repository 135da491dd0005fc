#!/usr/bin/env bash
# Case-list benchmark: the GraphQL api vs a bare Fastify + pg endpoint serving the same rows, on
# generated data. BENCH_CASES (default 100000) cases are generated once into caselink_bench_cases.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
BENCH_DB=caselink_bench_cases
ensure_database "$BENCH_DB"
build_server
npx swc bench/cases-list bench/linking -d dist --config-file .swcrc -q >/dev/null
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
migrate "$BENCH_OWNER_URL"
DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
have="$(psql "$BENCH_OWNER_URL" -qtAc 'SELECT count(*) FROM cases')"
if [ "$have" -lt "${BENCH_CASES:-100000}" ]; then
  say "Generating ${BENCH_CASES:-100000} cases (once)"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/generator/load.js --truncate --cases "${BENCH_CASES:-100000}" --seed 42
  psql "$BENCH_OWNER_URL" -qc 'ANALYZE'
fi
node dist/bench/cases-list/run.js
