#!/usr/bin/env bash
# Spreadsheet import benchmark: the imports processor in-process on a generated 5,000-row CSV into a fresh
# case of the Guangdong investigator, on caselink_bench_imports (created, migrated and seeded here), plus
# parsing alone for CSV and XLSX. Env: BENCH_ROWS (5000), BENCH_TRANSFERS per row (2), BENCH_POOL_SIZE (4),
# BENCH_FORMATS (CSV; "CSV,XLSX" imports the XLSX too).
. "$(dirname "$0")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
BENCH_DB=caselink_bench_imports
ensure_database "$BENCH_DB"
build_server
npx swc bench/imports -d dist --config-file .swcrc -q >/dev/null
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
migrate "$BENCH_OWNER_URL"
DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
node dist/bench/imports/run.js
