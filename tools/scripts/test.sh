#!/usr/bin/env bash
# npm test: lint (with module boundaries), type checks, unit tests, integration tests on real
# PostgreSQL and Redis (a fresh test database), the pending-migration check, and browser tests.
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

say "Browser tests (playwright-core on Debian's Chromium)"
command -v chromium >/dev/null || apt_install chromium
fc-list 2>/dev/null | grep -qi 'CJK' || apt_install fonts-noto-cjk
E2E_API_PORT="${E2E_API_PORT:-4100}"; E2E_PORTAL_PORT="${E2E_PORTAL_PORT:-3100}"; E2E_WORKER_PORT="${E2E_WORKER_PORT:-4101}"
# The browser tests get a database of their own holding just the demo seed, as `npm start` shows it
# (integration-test data would, e.g., turn the demo's mule card into a hub shared by dozens of cases).
E2E_DB="${TEST_DB}_e2e"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$E2E_DB\" WITH (FORCE)"
ensure_database "$E2E_DB"
migrate "$(with_database "$DATABASE_OWNER_URL" "$E2E_DB")"
# The demo TOTP user's secret is sealed with the key the e2e api uses.
E2E_FACTOR_KEY=e2e-factor-key-e2e-factor-key-e2e-0001
FACTOR_SECRET_KEY="$E2E_FACTOR_KEY" DATABASE_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$E2E_DB")" node dist/tools/seed/seed.js
load_judgments "$(with_database "$DATABASE_OWNER_URL" "$E2E_DB")"
# Benchmark smoke (bench/access): the figures' code path on a copy of the demo database, a few runs each.
say "Benchmark smoke: need-to-know by role (bench/access)"
BENCH_COPY="${E2E_DB}_bench"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_COPY\" WITH (FORCE)"
admin_psql postgres -c "CREATE DATABASE \"$BENCH_COPY\" TEMPLATE \"$E2E_DB\" OWNER caselink_owner"
BENCH_SMOKE=1 BENCH_DATABASE_URL="$(with_database "$DATABASE_URL" "$BENCH_COPY")" BENCH_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_COPY")" \
  bash bench/access/run.sh
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$BENCH_COPY\" WITH (FORCE)"
say "Benchmark smoke: how fast the retention queue purges (bench/retention)"
BENCH_SMOKE=1 BENCH_SKIP_BUILD=1 BENCH_RETENTION_DB="${TEST_DB}_bench_retention" bash bench/retention/run.sh
say "Benchmark smoke: what each second factor adds to a log-in (bench/sign-in)"
BENCH_SMOKE=1 BENCH_SKIP_BUILD=1 BENCH_SIGN_IN_DB="${TEST_DB}_bench_sign_in" bash bench/sign-in/run.sh
CASELINK_API_URL="http://127.0.0.1:$E2E_API_PORT" build_portal
pids=()
stop_all() { kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; }
trap stop_all EXIT
e2e_env=(DATABASE_URL="$(with_database "$DATABASE_URL" "$E2E_DB")" LINKER_DATABASE_URL="$(with_database "$LINKER_DATABASE_URL" "$E2E_DB")" REDIS_URL="$REDIS_URL" QUEUE_PREFIX="caselink-e2e-$$" JWT_SECRET=e2e-secret-e2e-secret-e2e-secret-0001 FACTOR_SECRET_KEY="$E2E_FACTOR_KEY" \
  WEBAUTHN_RP_ID=localhost WEBAUTHN_ORIGINS="http://localhost:$E2E_PORTAL_PORT" PORTAL_URL="http://localhost:$E2E_PORTAL_PORT" \
  METRICS_PORT=0 WORKER_METRICS_PORT=0)
# The audit trail anchored outside the database (issue 13): a key of the run, and a fresh store for the fresh database.
rm -rf tmp/e2e-audit-anchors tmp/e2e-audit-signing-key.pem tmp/e2e-audit-public.pem && mkdir -p tmp
node -e 'const k = require("crypto").generateKeyPairSync("ed25519"); const fs = require("fs");
  fs.writeFileSync("tmp/e2e-audit-signing-key.pem", k.privateKey.export({ type: "pkcs8", format: "pem" }));
  fs.writeFileSync("tmp/e2e-audit-public.pem", k.publicKey.export({ type: "spki", format: "pem" }));'
e2e_env+=(AUDIT_ANCHOR_DIR="$PWD/tmp/e2e-audit-anchors")
# As in production: the private key only on the worker, the api checks with the public one.
env "${e2e_env[@]}" AUDIT_SIGNING_PUBLIC_KEY_FILE="$PWD/tmp/e2e-audit-public.pem" API_PORT="$E2E_API_PORT" node dist/apps/api/src/main.js >tmp/e2e-api.log 2>&1 & pids+=($!)
env "${e2e_env[@]}" AUDIT_SIGNING_KEY_FILE="$PWD/tmp/e2e-audit-signing-key.pem" WORKER_HEALTH_PORT="$E2E_WORKER_PORT" node dist/apps/worker/src/main.js >tmp/e2e-worker.log 2>&1 & pids+=($!)
node node_modules/next/dist/bin/next start apps/portal -p "$E2E_PORTAL_PORT" -H 127.0.0.1 >tmp/e2e-portal.log 2>&1 & pids+=($!)
wait_http "http://127.0.0.1:$E2E_API_PORT/health/ready" api
wait_http "http://127.0.0.1:$E2E_WORKER_PORT/health/ready" worker
wait_http "http://127.0.0.1:$E2E_PORTAL_PORT/login" portal
# At localhost, not 127.0.0.1: passkeys need a host name (WEBAUTHN_RP_ID above).
# The owner URL lets a spec set up what the api cannot (a request already past its deadline), as integration specs do.
E2E_DATABASE_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$E2E_DB")" API_URL="http://127.0.0.1:$E2E_API_PORT" PORTAL_URL="http://localhost:$E2E_PORTAL_PORT" jest portal-e2e -c apps/portal-e2e/jest.config.cjs --forceExit
stop_all
trap - EXIT

node -e '
const fs = require("fs"); let passed = 0, failed = 0;
for (const f of fs.readdirSync("tmp/test-results")) { const r = JSON.parse(fs.readFileSync("tmp/test-results/" + f)); passed += r.numPassedTests; failed += r.numFailedTests; }
console.log("\nAll test phases done. Screenshots: apps/portal-e2e/screenshots/");
console.log(`tests: ${passed} passed, ${failed} failed`);'
