#!/usr/bin/env bash
# npm test: lint (with module boundaries), type checks, unit tests, integration tests on real
# PostgreSQL and Redis (a fresh test database), the pending-migration check, the benchmark smoke, browser tests and the
# cluster fault suite.
. "$(dirname "$0")/lib.sh"

mkdir -p tmp/test-results
rm -f tmp/test-results/*.json
TEST_DB="${TEST_DATABASE_NAME:-caselink_test}"
export TEST_DATABASE_URL="$(with_database "$DATABASE_URL" "$TEST_DB")"
export TEST_DATABASE_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$TEST_DB")"
export TEST_LINKER_DATABASE_URL="$(with_database "$LINKER_DATABASE_URL" "$TEST_DB")"
export TEST_REDIS_URL="$REDIS_URL"
# ESM-only dependencies (cookie, content-disposition) load through Jest's vm modules.
JEST_NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning"
jest() { NODE_OPTIONS="$JEST_NODE_OPTIONS" npx jest --ci --json --outputFile="tmp/test-results/$1.json" "${@:2}"; }

ensure_node_modules
ensure_postgres
ensure_redis

say "Lint (eslint with Nx module boundaries)"
# The boundaries rule reads Nx's project graph; a clean clone has none cached and the rule would be skipped.
NX_DAEMON=false NX_NO_CLOUD=true npx nx show projects >/dev/null
npx eslint . --max-warnings=0
say "Type check (server, tools, tests, portal)"
npx tsc -p tsconfig.check.json --noEmit
rm -rf tmp/gql-check && CODEGEN_OUT=tmp/gql-check/ npx graphql-codegen --config codegen.ts --silent && diff -r apps/portal/src/gql tmp/gql-check || die "The portal's GraphQL documents do not fit schema.graphql, or apps/portal/src/gql is not what they generate: fix them, run npm run codegen and commit apps/portal/src/gql"
npx tsc -p apps/portal/tsconfig.json --noEmit

say "Unit tests"
jest unit -c jest.config.cjs

say "Fresh test database $TEST_DB"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$TEST_DB\" WITH (FORCE)"
ensure_database "$TEST_DB"
build_server
migrate "$TEST_DATABASE_OWNER_URL"
say "Checking that no migration is pending and the vocabularies match libs/domain"
migrate "$TEST_DATABASE_OWNER_URL" --check
say "Checking that libs/db/schema.sql is the schema the migrations make"
schema_sql_check "$TEST_DATABASE_OWNER_URL"

say "Integration tests (PostgreSQL + Redis)"
# The fault tests start and kill a private redis-server of their own.
command -v redis-server >/dev/null || apt_install redis-server
ensure_prometheus
# --forceExit: a child process a failed test left behind must not hold the run open until CI times out.
jest integration -c jest.integration.config.cjs --runInBand --forceExit

E2E_DB="${TEST_DB}_e2e"
# The browser tests get a database of their own holding just the demo seed, as `npm start` shows it
# (integration-test data would, e.g., turn the demo's mule card into a hub shared by dozens of cases).
e2e_database "$E2E_DB"
# Every benchmark's code path at tiny sizes, each on a database of its own (named after $TEST_DB, dropped at its end),
# copied from the e2e database plus a few hundred generated cases; fails on a broken path, never on a time.
say "Benchmark smoke (bench/smoke.sh)"
BENCH_SMOKE_PREFIX="${TEST_DB}_bench" BENCH_SMOKE_BASE="$E2E_DB" bash bench/smoke.sh
say "Browser tests (playwright-core on Debian's Chromium)"
browser_tests "$E2E_DB" --ci --json --outputFile=tmp/test-results/portal-e2e.json
# The production topology on this machine (pgbouncer, a streaming standby, a Redis Cluster, 2 apis and 2 workers behind
# HAProxy) and the faults broken on it on purpose; its own ports, stopped at its end.
say "Cluster faults (npm run test:cluster)"
bash tools/scripts/test-cluster.sh --ci --json --outputFile=tmp/test-results/cluster-e2e.json

node -e '
const fs = require("fs"); let passed = 0, failed = 0;
for (const f of fs.readdirSync("tmp/test-results")) { const r = JSON.parse(fs.readFileSync("tmp/test-results/" + f)); passed += r.numPassedTests; failed += r.numFailedTests; }
console.log("\nAll test phases done. Screenshots: apps/portal-e2e/screenshots/");
console.log(`tests: ${passed} passed, ${failed} failed`);'
