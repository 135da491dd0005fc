#!/usr/bin/env bash
# Spreadsheet import benchmark: the imports processor in-process on a generated 5,000-row CSV into a fresh
# case of the Guangdong investigator, on caselink_bench_imports (created, migrated and seeded here), plus
# parsing alone for CSV and XLSX. Env: BENCH_ROWS (5000), BENCH_TRANSFERS per row (2), BENCH_POOL_SIZE (4),
# BENCH_FORMATS (CSV; "CSV,XLSX" imports the XLSX too). BENCH_SKIP_BUILD=1 keeps dist/ as it is (build_server wipes
# dist/apps, dist/libs and dist/tools first).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 40 rows, CSV and XLSX, every row checked into the case, on a database of its
# own (BENCH_IMPORTS_DB, default caselink_bench_imports_smoke) dropped at the end.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
. "$(dirname "$0")/../smoke-lib.sh"
ensure_node_modules
ensure_postgres
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/worker/src/main.js ] && [ -f dist/tools/seed/seed.js ] || die "dist/ is not built: run without BENCH_SKIP_BUILD"
npx swc bench/imports -d dist --config-file .swcrc -q >/dev/null
fresh=1
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  BENCH_DB="${BENCH_IMPORTS_DB:-caselink_bench_imports_smoke}"
  smoke_database "$BENCH_DB" && fresh=
else
  BENCH_DB=caselink_bench_imports
  ensure_database "$BENCH_DB"
fi
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
if [ -n "$fresh" ]; then
  migrate "$BENCH_OWNER_URL"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
fi
node dist/bench/imports/run.js
