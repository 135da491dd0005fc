#!/usr/bin/env bash
# npm run bench:sign-in — what each second factor adds to a log-in (bench/sign-in/run.ts, docs/benchmarks.md).
# A fresh database caselink_bench_sign_in every run (dropped, created, migrated), the api as built.
# BENCH_SKIP_BUILD=1 keeps dist/ as it is. BENCH_SMOKE=1: a few log-ins per path (npm test does this).
. "$(dirname "$0")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
BENCH_DB="${BENCH_SIGN_IN_DB:-caselink_bench_sign_in}"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then build_server; fi
[ -f dist/apps/api/src/main.js ] || die "dist/apps is not built: run without BENCH_SKIP_BUILD"
npx swc bench/sign-in bench/requests bench/linking -d dist --config-file .swcrc -q >/dev/null
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)"
ensure_database "$BENCH_DB"
export BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_DB")"
export BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
migrate "$BENCH_OWNER_URL"
node dist/bench/sign-in/run.js
status=$?
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)"
exit $status
