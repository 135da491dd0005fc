#!/usr/bin/env bash
# npm run bench:retention — how fast the retention queue purges (bench/retention/run.ts, docs/benchmarks.md).
# A fresh database caselink_bench_retention every run (dropped, created, migrated), the worker's processor as built.
# BENCH_SKIP_BUILD=1 keeps dist/ as it is. BENCH_SMOKE=1: a few thousand rows (npm test does this).
. "$(dirname "$0")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
BENCH_DB="${BENCH_RETENTION_DB:-caselink_bench_retention}"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/worker/src/main.js ] || die "dist/apps is not built: run without BENCH_SKIP_BUILD"
npx swc bench/retention bench/linking -d dist --config-file .swcrc -q >/dev/null
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)"
ensure_database "$BENCH_DB"
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
migrate "$BENCH_OWNER_URL"
node dist/bench/retention/run.js
status=$?
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)"
exit $status
