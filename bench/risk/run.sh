#!/usr/bin/env bash
# Risk rules benchmark (npm run bench:risk): a deterministic CSV of BENCH_EVENTS (1,000,000) events ingested
# through the upload runner, then evaluated by the rules engine, in-process on caselink_bench_risk (created,
# migrated and seeded here). Env: BENCH_EVENTS, BENCH_BATCH (rows per batch, 2000). See bench/risk/run.ts.
# BENCH_SKIP_BUILD=1 keeps dist/ as it is (build_server wipes dist/apps, dist/libs and dist/tools first).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 3,000 events in batches of 500, every event checked stored and evaluated,
# on a database of its own (BENCH_RISK_DB, default caselink_bench_risk_smoke) dropped at the end.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
. "$(dirname "$0")/../smoke-lib.sh"
ensure_node_modules
ensure_postgres
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/worker/src/main.js ] && [ -f dist/tools/seed/seed.js ] || die "dist/ is not built: run without BENCH_SKIP_BUILD"
npx swc bench/risk -d dist --config-file .swcrc -q >/dev/null
fresh=1
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  BENCH_DB="${BENCH_RISK_DB:-caselink_bench_risk_smoke}"
  smoke_database "$BENCH_DB" && fresh=
else
  BENCH_DB=caselink_bench_risk
  ensure_database "$BENCH_DB"
fi
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
export BENCH_LINKER_URL="$(with_database "$LINKER_DATABASE_URL" "$BENCH_DB")"
if [ -n "$fresh" ]; then
  migrate "$BENCH_OWNER_URL"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/seed/seed.js
fi
node dist/bench/risk/run.js
