#!/usr/bin/env bash
# npm run bench:analytics — see bench/analytics/run.ts and docs/benchmarks.md (Outcomes analytics).
# Database: caselink_bench_linking when it exists (bench/linking/prepare.sh fills it with the 100k generated cases),
# else caselink_bench_analytics (the demo seed only); BENCH_DB picks another. It is migrated and seeded, and the
# 26,121 judgments of tools/judgments are loaded once (marked "[JUDG "; `node dist/tools/judgments/load.js
# --truncate --no-load` removes them again); nothing else in it is changed. BENCH_SKIP_BUILD=1 keeps dist/ as it is
# (build_server wipes dist/apps, dist/libs and dist/tools first). Knobs: BENCH_RUNS (200), BENCH_WARMUP (20),
# BENCH_CONCURRENCY (4), BENCH_API_PORT (4310).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 1 warm-up and 2 runs per scenario, 2 in flight, every answer's count checked
# (and the SQL alone against the api), on a database of its own (BENCH_DB, default caselink_bench_analytics_smoke,
# holding the judgments) dropped at the end.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
. "$(dirname "$0")/../smoke-lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/api/src/main.js ] && [ -f dist/tools/judgments/load.js ] || die "dist/ is not built: run without BENCH_SKIP_BUILD"
npx swc bench/analytics bench/linking -d dist --config-file .swcrc -q >/dev/null
fresh=1
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  BENCH_DB="${BENCH_DB:-caselink_bench_analytics_smoke}"
  smoke_database "$BENCH_DB" && fresh=
else
  if [ -z "${BENCH_DB:-}" ]; then
    BENCH_DB=caselink_bench_analytics
    [ -n "$(admin_psql postgres -c "SELECT 1 FROM pg_database WHERE datname = 'caselink_bench_linking'")" ] && BENCH_DB=caselink_bench_linking
  fi
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
have="$(psql "$BENCH_OWNER_URL" -qtAc "SELECT count(*) FROM suspects s JOIN cases c ON c.id = s.case_id WHERE c.description LIKE '[JUDG %'")"
if [ "$have" -ne 26121 ]; then
  say "Loading the 26,121 judgments (once)"
  DATABASE_OWNER_URL="$BENCH_OWNER_URL" node dist/tools/judgments/load.js --truncate
fi
node dist/bench/analytics/run.js
