#!/usr/bin/env bash
# Risk rules benchmark (npm run bench:risk): a deterministic CSV of BENCH_EVENTS (1,000,000) events ingested
# through the upload runner, then evaluated by the rules engine, in-process on caselink_bench_risk (created,
# migrated and seeded here). Env: BENCH_EVENTS, BENCH_BATCH (rows per batch, 2000). See bench/risk/run.ts.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
BENCH_DB=caselink_bench_risk
ensure_database "$BENCH_DB"
build_server
npx swc bench/risk -d dist --config-file .swcrc -q >/dev/null
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
export BENCH_LINKER_URL="$(with_database "$LINKER_DATABASE_URL" "$BENCH_DB")"
migrate "$BENCH_OWNER_URL"
DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
node dist/bench/risk/run.js
