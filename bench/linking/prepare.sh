# Sourced by the linking benchmarks (and bench:access, bench:analytics' default, bench:dashboard): PostgreSQL and Redis
# up, database caselink_bench_linking (BENCH_LINKING_DB picks another) created, migrated, seeded and holding BENCH_CASES
# (100000) generated cases (seed 42: about 1M transactions, 2.2M identifiers; generated once, 3-4 minutes),
# api/worker/libs/tools and the benches built. BENCH_SKIP_BUILD=1 keeps dist/ as it is (build_server wipes dist/apps,
# dist/libs and dist/tools first). The load builds secondary indexes at the end (--defer-indexes: the bench owns the
# database) and generates in BENCH_GENERATOR_THREADS (2) threads.
# BENCH_SMOKE=1: a database of the smoke's own (BENCH_LINKING_DB, default caselink_bench_linking_smoke) with BENCH_CASES
# (300) generated cases, dropped when the bench ends (bench/smoke-lib.sh).
. "$(dirname "${BASH_SOURCE[0]}")/../../tools/scripts/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../smoke-lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/api/src/main.js ] && [ -f dist/apps/worker/src/main.js ] && [ -f dist/tools/generator/load.js ] || die "dist/ is not built: run without BENCH_SKIP_BUILD"
npx swc bench/linking -d dist --config-file .swcrc -q >/dev/null
fresh=1
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  BENCH_DB="${BENCH_LINKING_DB:-caselink_bench_linking_smoke}"
  smoke_database "$BENCH_DB" && fresh=
else
  BENCH_DB="${BENCH_LINKING_DB:-caselink_bench_linking}"
  ensure_database "$BENCH_DB"
fi
export BENCH_DB
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
export BENCH_LINKER_URL="$(with_database "$LINKER_DATABASE_URL" "$BENCH_DB")"
if [ -n "$fresh" ]; then
  migrate "$BENCH_OWNER_URL"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
fi
have="$(psql "$BENCH_OWNER_URL" -qtAc "SELECT count(*) FROM cases WHERE description LIKE '[SYN %'")"
if [ "$have" -ne "${BENCH_CASES:-100000}" ]; then
  say "Generating ${BENCH_CASES:-100000} cases (once)"
  # The bench owns this database: build the secondary indexes once at the end instead of row by row.
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/generator/load.js --truncate --defer-indexes --cases "${BENCH_CASES:-100000}" --seed 42 --threads "${BENCH_GENERATOR_THREADS:-2}"
  PGOPTIONS='-c client_min_messages=error' psql "$BENCH_OWNER_URL" -qc 'ANALYZE'
fi
