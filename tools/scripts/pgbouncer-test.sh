#!/usr/bin/env bash
# The agency wall through pgbouncer in transaction pooling (issue 14): a fresh primary, pgbouncer in front of it with
# a pool smaller than the api's and the test's clients together (so server connections change hands between
# requests of different agencies), and the interleaved-agencies, agency-wall and statement-timeout specs with the app
# role's URL through pgbouncer (the owner's fixtures go direct). Everything is stopped at the end. Extra arguments go
# to Jest.
# Ports and names: PGB_PRIMARY_PORT (55532), PGB_PORT (56532), PGB_DB (caselink_pgbouncer).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/engines.sh"
. "$(dirname "$0")/topology-db.sh"
PRIMARY_PORT="${PGB_PRIMARY_PORT:-55532}" BOUNCER_PORT="${PGB_PORT:-56532}" DB="${PGB_DB:-caselink_pgbouncer}"
ensure_node_modules; ensure_engine_packages; ensure_redis
DIR="$(mktemp -d /tmp/caselink-pgbouncer-test.XXXXXX)"; chmod 755 "$DIR"
cleanup() { pgbouncer_stop "$DIR/bouncer"; pg_stop "$DIR/primary"; rm -rf "$DIR"; }
trap cleanup EXIT
say "PostgreSQL primary on $PRIMARY_PORT, pgbouncer (transaction pooling) on $BOUNCER_PORT"
pg_primary_up "$DIR/primary" "$PRIMARY_PORT"
topology_database "$PRIMARY_PORT" "$DB"
pgbouncer_up "$DIR/bouncer" "$BOUNCER_PORT" "$PRIMARY_PORT" caselink_app:caselink_app caselink_linker:caselink_linker
# Three server connections for every client: each one serves many agencies' transactions in turn.
sed -i 's/^default_pool_size = .*/default_pool_size = 3/; s/^reserve_pool_size = .*/reserve_pool_size = 0/' "$DIR/bouncer/pgbouncer.ini"
kill -HUP "$(cat "$DIR/bouncer/pgbouncer.pid")"; sleep 0.3
export TEST_DATABASE_URL="postgres://caselink_app:caselink_app@127.0.0.1:$BOUNCER_PORT/$DB"
export TEST_DATABASE_OWNER_URL="$DATABASE_OWNER_URL" TEST_LINKER_DATABASE_URL="$LINKER_DATABASE_URL" TEST_REDIS_URL="$REDIS_URL"
status=0
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest -c jest.integration.config.cjs --runInBand --forceExit \
  apps/api/src/tenancy/pooled-connections.int-spec.ts apps/api/src/tenancy/agency-walls.int-spec.ts apps/api/src/database/statement-timeout.int-spec.ts \
  "$@" || status=$?
# The app role reached PostgreSQL only through pgbouncer (its log counts the clients).
say "pgbouncer: $(grep -c 'login attempt' "$DIR/bouncer/pgbouncer.log" 2>/dev/null || echo 0) client log-ins of the app role went through it"
exit $status
