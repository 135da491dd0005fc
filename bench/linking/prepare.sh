# Sourced by the linking benchmarks: PostgreSQL and Redis up, database caselink_bench_linking created,
# migrated, seeded and holding BENCH_CASES (100000) generated cases (seed 42: about 1M transactions, 2.2M
# identifiers; generated once, 3-4 minutes), api/worker/libs/tools and the benches built.
# BENCH_SKIP_BUILD=1 keeps dist/ as it is (build_server wipes dist/apps, dist/libs and dist/tools first).
. "$(dirname "${BASH_SOURCE[0]}")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
BENCH_DB=caselink_bench_linking
ensure_database "$BENCH_DB"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
npx swc bench/linking -d dist --config-file .swcrc -q >/dev/null
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
export BENCH_LINKER_URL="$(with_database "$LINKER_DATABASE_URL" "$BENCH_DB")"
migrate "$BENCH_OWNER_URL"
DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
have="$(psql "$BENCH_OWNER_URL" -qtAc "SELECT count(*) FROM cases WHERE description LIKE '[SYN %'")"
if [ "$have" -ne "${BENCH_CASES:-100000}" ]; then
  say "Generating ${BENCH_CASES:-100000} cases (once)"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/generator/load.js --truncate --cases "${BENCH_CASES:-100000}" --seed 42
  psql "$BENCH_OWNER_URL" -qc 'ANALYZE'
fi
