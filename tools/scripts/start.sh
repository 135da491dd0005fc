#!/usr/bin/env bash
# npm start: the whole product on this machine, with a seeded demo.
. "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_database "$(url_part "$DATABASE_URL" database)"
build_server
say "Migrating"
migrate "$DATABASE_OWNER_URL"
provision_keys
say "Seeding the demo (idempotent: adds only what is missing)"
DATABASE_OWNER_URL="$DATABASE_OWNER_URL" node dist/tools/seed/seed.js
load_judgments "$DATABASE_OWNER_URL"
[ -d apps/portal/.next ] && [ -z "${REBUILD_PORTAL:-}" ] && [ -z "$(find apps/portal libs/domain -newer apps/portal/.next/BUILD_ID -type f -not -path '*/.next/*' 2>/dev/null | head -1)" ] || build_portal

API_PORT="${API_PORT:-4000}"; PORTAL_PORT="${PORTAL_PORT:-3000}"
export API_PORT CASELINK_API_URL="http://127.0.0.1:${API_PORT}"
# Prometheus metrics of api and worker, on ports of their own (never public; the api's port does not serve them).
export METRICS_PORT="${METRICS_PORT:-9464}" WORKER_METRICS_PORT="${WORKER_METRICS_PORT:-9465}"
# Single sign-on returns to the portal; the demo OpenID provider (tools/idp) signs ICBC's users in (DEMO_IDP=0: off).
# Passkeys need a host name, not an IP address: the portal is opened at localhost.
export PORTAL_URL="${PORTAL_URL:-http://localhost:${PORTAL_PORT}}"
export WEBAUTHN_RP_ID="${WEBAUTHN_RP_ID:-localhost}" WEBAUTHN_ORIGINS="${WEBAUTHN_ORIGINS:-$PORTAL_URL}"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
# The api gets the public key only; the private one goes to the worker alone.
env -u AUDIT_SIGNING_KEY_FILE node dist/apps/api/src/main.js & pids+=($!)
AUDIT_SIGNING_KEY_FILE="$WORKER_AUDIT_KEY" node dist/apps/worker/src/main.js & pids+=($!)
node node_modules/next/dist/bin/next start apps/portal -p "$PORTAL_PORT" -H 127.0.0.1 & pids+=($!)
[ "${DEMO_IDP:-1}" = 0 ] || { node tools/idp/idp.mjs --port="${DEMO_IDP_PORT:-4700}" & pids+=($!); }
wait_http "http://127.0.0.1:${API_PORT}/health/ready" api
wait_http "http://127.0.0.1:${WORKER_HEALTH_PORT:-4001}/health/ready" worker
wait_http "http://127.0.0.1:${PORTAL_PORT}/login" portal

cat <<MSG

  CaseLink is running.  Portal: ${PORTAL_URL}
  GraphQL api: http://127.0.0.1:${API_PORT}/graphql     (Ctrl-C stops everything)
  Logs: JSON lines (pino) on this terminal, one request id per request (x-request-id), LOG_LEVEL=${LOG_LEVEL:-info}
  Audit chain heads: signed with ${WORKER_AUDIT_KEY}, published to ${AUDIT_ANCHOR_DIR} every $(( ${AUDIT_ANCHOR_EVERY_MS:-900000} / 60000 )) min
           (check them: DATABASE_OWNER_URL=... npm run audit:verify -- ${AUDIT_ANCHOR_DIR} --public-key ${AUDIT_SIGNING_PUBLIC_KEY_FILE} --database)
  Metrics: http://127.0.0.1:${METRICS_PORT}/metrics (api), http://127.0.0.1:${WORKER_METRICS_PORT}/metrics (worker);
           alert rules infra/prometheus/alerts.yml, dashboard infra/grafana/caselink-dashboard.json

  Demo logins (password for all: $(node -e 'process.stdout.write(require("./dist/tools/seed/demo-data").DEMO_PASSWORD)')):
$(node -e 'for (const u of require("./dist/tools/seed/demo-data").DEMO_USERS) console.log("    " + u.email.padEnd(28) + u.roles.join(",").padEnd(14) + u.displayName)')

  Second factors: totp@gd.demo uses the authenticator secret $(node -e 'process.stdout.write(require("./dist/tools/seed/demo-data").DEMO_SECOND_FACTORS.totp.secretBase32)')
  (add it to any authenticator app); passkey@zj.demo holds a demo passkey (README, "Security"); enrol your own on /account.
  Single sign-on: ICBC's users sign in through the demo identity provider (README, "Security").

MSG
wait -n "${pids[@]}"
