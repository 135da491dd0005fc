# Shared by start.sh and test.sh: install what is missing, find or start PostgreSQL and Redis,
# create roles and databases, build. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export NX_NO_CLOUD=true NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1
[ -f .env ] && set -a && . ./.env && set +a

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null || die "Install $* with your package manager, then run again."
  [ -n "${APT_UPDATED:-}" ] || { as_root apt-get update -qq || die "apt-get update failed (need root or sudo)"; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null || die "Could not install $* (need root or sudo)."
}

ensure_node_modules() {
  if [ ! -x node_modules/.bin/nx ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing dependencies (npm install)"
    # npm install rather than npm ci: the lock written here lacks other platforms' optional binaries.
    npm install --no-audit --no-fund --loglevel=error
  fi
}

# url_part URL FIELD -> host | port | database | user
url_part() { node -e 'const u=new URL(process.argv[1]);const f=process.argv[2];
  const v={host:u.hostname,port:u.port||(u.protocol.startsWith("redis")?"6379":"5432"),database:u.pathname.slice(1),user:decodeURIComponent(u.username)}[f];process.stdout.write(v)' "$1" "$2"; }
with_database() { node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];process.stdout.write(u.toString())' "$1" "$2"; }
reachable() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
is_local() { case "$1" in 127.*|localhost|::1) return 0;; *) return 1;; esac; }

# DATABASE_URL is the app role's connection; the owner's and the test database derive from it.
export DATABASE_URL="${DATABASE_URL:-postgres://caselink_app:caselink_app@127.0.0.1:5432/caselink}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
PG_HOST="$(url_part "$DATABASE_URL" host)"; PG_PORT="$(url_part "$DATABASE_URL" port)"
OWNER_PASSWORD="${CASELINK_OWNER_PASSWORD:-caselink_owner}"
APP_PASSWORD="$(node -e 'process.stdout.write(decodeURIComponent(new URL(process.argv[1]).password))' "$DATABASE_URL")"
export DATABASE_OWNER_URL="${DATABASE_OWNER_URL:-postgres://caselink_owner:${OWNER_PASSWORD}@${PG_HOST}:${PG_PORT}/$(url_part "$DATABASE_URL" database)}"
# The worker's linking role (reads identifier values across agencies, writes postings and series).
export LINKER_DATABASE_URL="${LINKER_DATABASE_URL:-postgres://caselink_linker:caselink_linker@${PG_HOST}:${PG_PORT}/$(url_part "$DATABASE_URL" database)}"
LINKER_PASSWORD="$(node -e 'process.stdout.write(decodeURIComponent(new URL(process.argv[1]).password))' "$LINKER_DATABASE_URL")"

ensure_postgres() {
  reachable "$PG_HOST" "$PG_PORT" && return 0
  is_local "$PG_HOST" || die "PostgreSQL at $PG_HOST:$PG_PORT is not reachable (DATABASE_URL)."
  say "PostgreSQL not reachable on $PG_HOST:$PG_PORT: installing/starting it from Debian packages"
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  local v; v="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
  [ -n "$v" ] || die "postgresql is installed but has no cluster; run: pg_createcluster <version> main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || as_root pg_ctlcluster "$v" main start
  for _ in $(seq 1 30); do reachable "$PG_HOST" "$PG_PORT" && return 0; sleep 1; done
  die "PostgreSQL did not come up on $PG_HOST:$PG_PORT"
}

ensure_redis() {
  local host port; host="$(url_part "$REDIS_URL" host)"; port="$(url_part "$REDIS_URL" port)"
  reachable "$host" "$port" && return 0
  is_local "$host" || die "Redis at $host:$port is not reachable (REDIS_URL)."
  say "Redis not reachable on $host:$port: installing/starting it from Debian packages"
  command -v redis-server >/dev/null || apt_install redis-server
  # Queues only: nothing of record lives in Redis, so no persistence; BullMQ needs noeviction.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save '' --appendonly no --maxmemory-policy noeviction >/dev/null
  for _ in $(seq 1 20); do reachable "$host" "$port" && return 0; sleep 0.5; done
  die "Redis did not come up on $host:$port"
}

# The metrics test scrapes the api with a real Prometheus and checks infra/prometheus/alerts.yml with promtool
# (both in Debian's prometheus package). Only the binaries are used: the packaged service is never started.
ensure_prometheus() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && return 0
  say "Installing Prometheus (Debian package) for the metrics test"
  apt_install prometheus
}

# Runs SQL as a PostgreSQL superuser: DATABASE_ADMIN_URL, else postgres over TCP (trust), else the
# postgres OS user over the local socket (peer auth, as Debian sets it up).
admin_psql() {
  command -v psql >/dev/null || apt_install postgresql-client
  local db="${1:-postgres}"; shift
  if [ -n "${DATABASE_ADMIN_URL:-}" ]; then psql "$(with_database "$DATABASE_ADMIN_URL" "$db")" -v ON_ERROR_STOP=1 -qtA "$@"; return; fi
  if psql "postgres://postgres@$PG_HOST:$PG_PORT/$db" -w -qtAc 'select 1' >/dev/null 2>&1; then
    psql "postgres://postgres@$PG_HOST:$PG_PORT/$db" -w -v ON_ERROR_STOP=1 -qtA "$@"; return
  fi
  is_local "$PG_HOST" && [ "$(id -u)" = 0 ] || die "Cannot reach PostgreSQL as a superuser: set DATABASE_ADMIN_URL."
  su postgres -c "psql -p $PG_PORT -d $db -v ON_ERROR_STOP=1 -qtA $(printf '%q ' "$@")"
}

# ensure_database NAME: the owner and app roles exist with their passwords; NAME exists, owned by the owner.
ensure_database() {
  local name="$1"
  if PGCONNECT_TIMEOUT=3 psql "$(with_database "$DATABASE_OWNER_URL" "$name")" -w -qtAc 'select 1' >/dev/null 2>&1 \
     && psql "$(with_database "$DATABASE_URL" "$name")" -w -qtAc 'select 1' >/dev/null 2>&1 \
     && psql "$(with_database "$LINKER_DATABASE_URL" "$name")" -w -qtAc 'select 1' >/dev/null 2>&1; then
    return 0
  fi
  say "Creating roles and database $name"
  admin_psql postgres -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caselink_owner') THEN CREATE ROLE caselink_owner LOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caselink_app') THEN CREATE ROLE caselink_app LOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caselink_linker') THEN CREATE ROLE caselink_linker LOGIN; END IF;
    END \$\$;
    ALTER ROLE caselink_owner LOGIN BYPASSRLS NOSUPERUSER PASSWORD '${OWNER_PASSWORD}';
    ALTER ROLE caselink_app LOGIN NOBYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${APP_PASSWORD}';
    ALTER ROLE caselink_linker LOGIN NOBYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${LINKER_PASSWORD}';"
  if [ -z "$(admin_psql postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    admin_psql postgres -c "CREATE DATABASE \"$name\" OWNER caselink_owner"
  fi
  admin_psql "$name" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO caselink_owner;
    REVOKE ALL ON DATABASE \"$name\" FROM PUBLIC; GRANT CONNECT ON DATABASE \"$name\" TO caselink_app, caselink_linker;"
}

build_server() {
  say "Building api, worker, libs and tools (swc)"
  rm -rf dist/apps dist/libs dist/tools
  npx swc apps/api/src apps/worker/src libs tools -d dist --config-file .swcrc --ignore '**/*.spec.ts' --ignore '**/*.int-spec.ts' -q >/dev/null
}

build_portal() {
  say "Building the portal (next build)"
  npx next build apps/portal >/tmp/caselink-next-build.log 2>&1 || { tail -40 /tmp/caselink-next-build.log; die "next build failed"; }
}

migrate() { DATABASE_OWNER_URL="$1" node dist/tools/db/migrate.js "${@:2}"; }

# The outcome analytics' data: the generated 26,121 judgments of the reference paper, held by Guangdong's police
# (its supervisor then sees the paper's figures); once per database.
load_judgments() {
  local owner_url="$1" gd
  gd="$(psql "$owner_url" -Atc "SELECT id FROM agencies WHERE name = '广东省公安厅'")"
  [ -n "$gd" ] || die "the demo seed has not run: no Guangdong police agency"
  if [ "$(psql "$owner_url" -Atc "SELECT count(*) FROM cases WHERE description LIKE '[JUDG %'")" = "0" ]; then
    say "Loading the generated judgments (26,121, tools/judgments) for Guangdong's police"
    DATABASE_OWNER_URL="$owner_url" node dist/tools/judgments/load.js --agency "$gd" >/dev/null
  fi
}

wait_http() {
  for _ in $(seq 1 "${3:-60}"); do
    node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$1" && return 0
    sleep 1
  done
  die "$2 did not answer at $1"
}

# The schema of a database as pg_dump prints it, without the lines that name the server or client version (so the
# checked-in libs/db/schema.sql does not change with a minor upgrade). Shared by `npm run db:schema` and `npm test`.
dump_schema() {
  command -v pg_dump >/dev/null || apt_install postgresql-client
  pg_dump --schema-only --no-tablespaces "$1" | sed -e '/^-- Dumped from database version/d' -e '/^-- Dumped by pg_dump version/d' -e '/^\\restrict /d' -e '/^\\unrestrict /d'
}

# Fails when libs/db/schema.sql is not what the migrations make (run `npm run db:schema` after adding a migration).
schema_sql_check() {
  dump_schema "$1" > tmp/schema.sql
  diff -u libs/db/schema.sql tmp/schema.sql > tmp/schema.diff || { head -40 tmp/schema.diff >&2; die "libs/db/schema.sql differs from the migrations: run npm run db:schema and commit it"; }
}

# The browser tests' database: the demo seed and the analytics' judgments. The demo TOTP user's secret is sealed
# with the key the e2e api uses.
E2E_FACTOR_KEY=e2e-factor-key-e2e-factor-key-e2e-0001
e2e_database() {
  local owner_url; owner_url="$(with_database "$DATABASE_OWNER_URL" "$1")"
  admin_psql postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
  ensure_database "$1"
  migrate "$owner_url"
  FACTOR_SECRET_KEY="$E2E_FACTOR_KEY" DATABASE_OWNER_URL="$owner_url" node dist/tools/seed/seed.js
  load_judgments "$owner_url"
}

# Builds the portal, starts api, worker and portal on the e2e database $1 (ports E2E_API_PORT, E2E_WORKER_PORT,
# E2E_PORTAL_PORT) and runs the browser tests with the Jest arguments that follow; everything stops at the end.
browser_tests() {
  local db="$1"; shift
  local api_port="${E2E_API_PORT:-4100}" portal_port="${E2E_PORTAL_PORT:-3100}" worker_port="${E2E_WORKER_PORT:-4101}" rc=0
  command -v chromium >/dev/null || apt_install chromium
  fc-list 2>/dev/null | grep -qi 'CJK' || apt_install fonts-noto-cjk
  # E2E_SKIP_BUILD=1 (tools/scripts/e2e-dev.sh): only the tests changed since the last build.
  [ -n "${E2E_SKIP_BUILD:-}" ] || CASELINK_API_URL="http://127.0.0.1:$api_port" build_portal
  local -a pids=()
  local -a env_=(DATABASE_URL="$(with_database "$DATABASE_URL" "$db")" LINKER_DATABASE_URL="$(with_database "$LINKER_DATABASE_URL" "$db")" REDIS_URL="$REDIS_URL" QUEUE_PREFIX="caselink-e2e-$$" JWT_SECRET=e2e-secret-e2e-secret-e2e-secret-0001 FACTOR_SECRET_KEY="$E2E_FACTOR_KEY" \
    WEBAUTHN_RP_ID=localhost WEBAUTHN_ORIGINS="http://localhost:$portal_port" PORTAL_URL="http://localhost:$portal_port" \
    METRICS_PORT=0 WORKER_METRICS_PORT=0)
  # The audit trail anchored outside the database (issue 13): a key of the run, and a fresh store for the fresh database.
  rm -rf tmp/e2e-audit-anchors tmp/e2e-audit-signing-key.pem tmp/e2e-audit-public.pem && mkdir -p tmp
  node -e 'const k = require("crypto").generateKeyPairSync("ed25519"); const fs = require("fs");
    fs.writeFileSync("tmp/e2e-audit-signing-key.pem", k.privateKey.export({ type: "pkcs8", format: "pem" }));
    fs.writeFileSync("tmp/e2e-audit-public.pem", k.publicKey.export({ type: "spki", format: "pem" }));'
  env_+=(AUDIT_ANCHOR_DIR="$PWD/tmp/e2e-audit-anchors")
  # As in production: the private key only on the worker, the api checks with the public one.
  env "${env_[@]}" AUDIT_SIGNING_PUBLIC_KEY_FILE="$PWD/tmp/e2e-audit-public.pem" API_PORT="$api_port" node dist/apps/api/src/main.js >tmp/e2e-api.log 2>&1 & pids+=($!)
  env "${env_[@]}" AUDIT_SIGNING_KEY_FILE="$PWD/tmp/e2e-audit-signing-key.pem" WORKER_HEALTH_PORT="$worker_port" node dist/apps/worker/src/main.js >tmp/e2e-worker.log 2>&1 & pids+=($!)
  node node_modules/next/dist/bin/next start apps/portal -p "$portal_port" -H 127.0.0.1 >tmp/e2e-portal.log 2>&1 & pids+=($!)
  # shellcheck disable=SC2064 # the pids of this call
  trap "kill ${pids[*]} 2>/dev/null || true" EXIT
  wait_http "http://127.0.0.1:$api_port/health/ready" api
  wait_http "http://127.0.0.1:$worker_port/health/ready" worker
  wait_http "http://127.0.0.1:$portal_port/login" portal
  # At localhost, not 127.0.0.1: passkeys need a host name (WEBAUTHN_RP_ID above).
  # The owner URL lets a spec set up what the api cannot (a request already past its deadline), as integration specs do.
  E2E_DATABASE_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$db")" API_URL="http://127.0.0.1:$api_port" PORTAL_URL="http://localhost:$portal_port" \
    NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest -c apps/portal-e2e/jest.config.cjs --forceExit "$@" || rc=$?
  kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true
  trap - EXIT
  return "$rc"
}

# The secrets every api and worker process of one deployment shares (start.sh, cluster.sh): FACTOR_SECRET_KEY,
# JWT_SECRET, the audit-anchor key pair (WORKER_AUDIT_KEY for the worker only, AUDIT_SIGNING_PUBLIC_KEY_FILE for the
# api) and AUDIT_ANCHOR_DIR. Needs DATABASE_OWNER_URL's database to exist.
provision_keys() {
  # Authenticator-app secrets are sealed with this key: it must outlive a restart (a new one would lock every TOTP
  # user out), so a generated one is kept in var/ (never committed); production sets its own.
  if [ -z "${FACTOR_SECRET_KEY:-}" ]; then
    mkdir -p var && [ -s var/factor-secret-key ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > var/factor-secret-key
    export FACTOR_SECRET_KEY="$(cat var/factor-secret-key)"
  fi
  # The audit trail is anchored outside the database (issue 13): the worker signs each agency's chain head with an Ed25519
  # key kept in var/ (never in PostgreSQL; production sets its own) and appends it to AUDIT_ANCHOR_DIR; the api checks the
  # chain with the public half only (var/audit-signing-public.pem, derived once — again only if the key changes) and never
  # gets the private key. One store per database: a recreated database starts a fresh one.
  local worker_audit_key="${AUDIT_SIGNING_KEY_FILE:-}" audit_public
  if [ -z "$worker_audit_key" ]; then
    mkdir -p var
    if [ ! -s var/audit-signing-key.pem ]; then
      (umask 077; openssl genpkey -algorithm ed25519 -out var/audit-signing-key.pem 2>/dev/null \
        || node -e 'process.stdout.write(require("crypto").generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }))' > var/audit-signing-key.pem)
    fi
    worker_audit_key="$PWD/var/audit-signing-key.pem"
  fi
  if [ -z "${AUDIT_SIGNING_PUBLIC_KEY_FILE:-}" ]; then
    mkdir -p var
    audit_public="$(openssl pkey -in "$worker_audit_key" -pubout 2>/dev/null \
      || node -e 'const c=require("crypto");process.stdout.write(c.createPublicKey(c.createPrivateKey(require("fs").readFileSync(process.argv[1]))).export({ type: "spki", format: "pem" }))' "$worker_audit_key")" \
      || die "cannot derive the audit public key from $worker_audit_key"
    [ -s var/audit-signing-public.pem ] && [ "$(cat var/audit-signing-public.pem)" = "$audit_public" ] || printf '%s\n' "$audit_public" > var/audit-signing-public.pem
    export AUDIT_SIGNING_PUBLIC_KEY_FILE="$PWD/var/audit-signing-public.pem"
  fi
  export AUDIT_ANCHOR_DIR="${AUDIT_ANCHOR_DIR:-var/audit-anchors/$(url_part "$DATABASE_URL" database)-$(psql "$DATABASE_OWNER_URL" -Atc 'SELECT oid FROM pg_database WHERE datname = current_database()')}"
  export WORKER_AUDIT_KEY="$worker_audit_key"
  export JWT_SECRET="${JWT_SECRET:-$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')}"
}
