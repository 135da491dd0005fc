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
say "Seeding the demo (idempotent: adds only what is missing)"
DATABASE_OWNER_URL="$DATABASE_OWNER_URL" node dist/tools/seed/seed.js
load_judgments "$DATABASE_OWNER_URL"
[ -d apps/portal/.next ] && [ -z "${REBUILD_PORTAL:-}" ] && [ -z "$(find apps/portal libs/domain -newer apps/portal/.next/BUILD_ID -type f -not -path '*/.next/*' 2>/dev/null | head -1)" ] || build_portal

export JWT_SECRET="${JWT_SECRET:-$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')}"
API_PORT="${API_PORT:-4000}"; PORTAL_PORT="${PORTAL_PORT:-3000}"
export API_PORT CASELINK_API_URL="http://127.0.0.1:${API_PORT}"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
node dist/apps/api/src/main.js & pids+=($!)
node dist/apps/worker/src/main.js & pids+=($!)
node node_modules/next/dist/bin/next start apps/portal -p "$PORTAL_PORT" -H 127.0.0.1 & pids+=($!)
wait_http "http://127.0.0.1:${API_PORT}/health/ready" api
wait_http "http://127.0.0.1:${WORKER_HEALTH_PORT:-4001}/health/ready" worker
wait_http "http://127.0.0.1:${PORTAL_PORT}/login" portal

cat <<MSG

  CaseLink is running.  Portal: http://127.0.0.1:${PORTAL_PORT}
  GraphQL api: http://127.0.0.1:${API_PORT}/graphql     (Ctrl-C stops everything)

  Demo logins (password for all: $(node -e 'process.stdout.write(require("./dist/tools/seed/demo-data").DEMO_PASSWORD)')):
$(node -e 'for (const u of require("./dist/tools/seed/demo-data").DEMO_USERS) console.log("    " + u.email.padEnd(28) + u.roles.join(",").padEnd(14) + u.displayName)')

MSG
wait -n "${pids[@]}"
