#!/usr/bin/env bash
# npm run cluster: the production topology on this machine (issue 14), from Debian's packages and the project's build.
#
#   browser ─► portal :3600 ─► HAProxy :4600 ─┬─► api1 :4601 ─┐            ┌─► PostgreSQL primary :55432 ─► hot standby :55433
#                                             └─► api2 :4602 ─┼─► pgbouncer :56432 (transaction pooling)    ▲ replica reads
#                              worker1, worker2 ──────────────┘   Redis Cluster :7301-7306 (3 masters + 3 replicas)
#
# The api processes read the dashboard, analytics and lists from the standby when it is close enough behind
# (REPLICA_MAX_LAG_MS; read-your-writes after a user's own mutation), everything else from the primary through
# pgbouncer. BullMQ and the live events run on the Redis Cluster (queue prefix {caselink}: one hash slot per queue).
#
#   cluster.sh              bring everything up (fresh data, seeded demo), print the addresses, Ctrl-C stops it all
#   cluster.sh up           the same, but return once it is up (processes keep running; used by the fault suite)
#   cluster.sh down         stop everything `up` started
#   cluster.sh start NAME   (re)start one process: api1 api2 worker1 worker2 portal (after a kill -9, say)
#   cluster.sh env          the addresses as shell variables (CLUSTER_ENTRY_URL=..., for scripts and tests)
#
# Ports move together with CLUSTER_PORT_OFFSET (e.g. 20 to run beside another cluster). Data, logs and pid files live in
# CLUSTER_DIR (var/cluster). CLUSTER_JUDGMENTS=0 skips the 26,121 generated judgments (faster start, the fault suite).
# `npm start` stays the simple default: one PostgreSQL, one Redis, one process of each.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/engines.sh"
. "$(dirname "$0")/topology-db.sh"

OFF="${CLUSTER_PORT_OFFSET:-0}"
export CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/var/cluster}"
C_PG=$((55432 + OFF)); C_REPLICA=$((55433 + OFF)); C_BOUNCER=$((56432 + OFF)); C_REDIS=$((7301 + OFF))
C_ENTRY=$((4600 + OFF)); C_PORTAL=$((3600 + OFF))
declare -A PORT=([api1]=$((4601 + OFF)) [api2]=$((4602 + OFF)) [worker1]=$((4611 + OFF)) [worker2]=$((4612 + OFF)) [portal]=$C_PORTAL)
declare -A METRICS=([api1]=$((4621 + OFF)) [api2]=$((4622 + OFF)) [worker1]=$((4631 + OFF)) [worker2]=$((4632 + OFF)))
DB=caselink
APP_PW=caselink_app; LINKER_PW=caselink_linker; OWNER_PW=caselink_owner
PRIMARY_APP="postgres://caselink_app:$APP_PW@127.0.0.1:$C_PG/$DB"
POOLED_APP="postgres://caselink_app:$APP_PW@127.0.0.1:$C_BOUNCER/$DB"
POOLED_LINKER="postgres://caselink_linker:$LINKER_PW@127.0.0.1:$C_BOUNCER/$DB"
DIRECT_LINKER="postgres://caselink_linker:$LINKER_PW@127.0.0.1:$C_PG/$DB"
REPLICA_APP="postgres://caselink_app:$APP_PW@127.0.0.1:$C_REPLICA/$DB"
OWNER_URL="postgres://caselink_owner:$OWNER_PW@127.0.0.1:$C_PG/$DB"
REDIS_NODES="$(for i in 0 1 2 3 4 5; do printf '127.0.0.1:%s,' $((C_REDIS + i)); done)"; REDIS_NODES="${REDIS_NODES%,}"

print_env() {
  cat <<ENV
CLUSTER_DIR=$CLUSTER_DIR
CLUSTER_ENTRY_URL=http://127.0.0.1:$C_ENTRY
CLUSTER_PORTAL_URL=http://localhost:$C_PORTAL
CLUSTER_API1_URL=http://127.0.0.1:${PORT[api1]}
CLUSTER_API2_URL=http://127.0.0.1:${PORT[api2]}
CLUSTER_WORKER1_URL=http://127.0.0.1:${PORT[worker1]}
CLUSTER_WORKER2_URL=http://127.0.0.1:${PORT[worker2]}
CLUSTER_API1_METRICS=http://127.0.0.1:${METRICS[api1]}/metrics
CLUSTER_API2_METRICS=http://127.0.0.1:${METRICS[api2]}/metrics
CLUSTER_PG_PORT=$C_PG
CLUSTER_REPLICA_PORT=$C_REPLICA
CLUSTER_BOUNCER_PORT=$C_BOUNCER
CLUSTER_REDIS_FIRST_PORT=$C_REDIS
CLUSTER_REDIS_NODES=$REDIS_NODES
CLUSTER_QUEUE_PREFIX={caselink}
CLUSTER_OWNER_URL=$OWNER_URL
CLUSTER_APP_URL=$PRIMARY_APP
CLUSTER_POOLED_APP_URL=$POOLED_APP
CLUSTER_REPLICA_URL=$REPLICA_APP
ENV
}

# What every api and worker process shares; `launch` adds each one's own ports.
app_env() {
  # shellcheck disable=SC1091
  . "$CLUSTER_DIR/keys.env"
  export NODE_ENV=production LOG_LEVEL="${LOG_LEVEL:-info}"
  export DATABASE_URL="$POOLED_APP" LINKER_DATABASE_URL="$POOLED_LINKER" OUTBOX_LISTEN_DATABASE_URL="$DIRECT_LINKER"
  export DATABASE_READ_URL="$REPLICA_APP" REPLICA_MAX_LAG_MS="${REPLICA_MAX_LAG_MS:-5000}"
  export REDIS_URL="redis://127.0.0.1:$C_REDIS" REDIS_CLUSTER_NODES="$REDIS_NODES" QUEUE_PREFIX='{caselink}'
  export PORTAL_URL="http://localhost:$C_PORTAL" WEBAUTHN_RP_ID=localhost WEBAUTHN_ORIGINS="http://localhost:$C_PORTAL"
}

pidfile() { echo "$CLUSTER_DIR/run/$1.pid"; }
# Alive, not a zombie: a process killed with -9 whose parent (an exited `cluster.sh up`) is gone may linger as one where
# nothing reaps orphans (a container's init).
alive() { local st; st="$(ps -o stat= -p "$1" 2>/dev/null)" && [ -n "$st" ] && [ "${st:0:1}" != Z ]; }
running() { [ -f "$(pidfile "$1")" ] && alive "$(cat "$(pidfile "$1")")"; }

# launch NAME: one app process in the background, its log in $CLUSTER_DIR/log/NAME.log (appended: a restart after a
# kill -9 keeps what the dead one wrote).
launch() {
  local name="$1" pid
  running "$name" && die "$name is already running (pid $(cat "$(pidfile "$name")"))"
  mkdir -p "$CLUSTER_DIR/run" "$CLUSTER_DIR/log"
  (
    app_env
    case "$name" in
      api*) exec env -u AUDIT_SIGNING_KEY_FILE API_PORT="${PORT[$name]}" METRICS_PORT="${METRICS[$name]}" node dist/apps/api/src/main.js ;;
      worker*) exec env AUDIT_SIGNING_KEY_FILE="$WORKER_AUDIT_KEY" WORKER_HEALTH_PORT="${PORT[$name]}" WORKER_METRICS_PORT="${METRICS[$name]}" node dist/apps/worker/src/main.js ;;
      portal) exec env CASELINK_PORTAL_DIST_DIR=.next-cluster CASELINK_API_URL="http://127.0.0.1:$C_ENTRY" node node_modules/next/dist/bin/next start apps/portal -p "$C_PORTAL" -H 127.0.0.1 ;;
      *) die "unknown process $name (api1 api2 worker1 worker2 portal)" ;;
    esac
  ) >>"$CLUSTER_DIR/log/$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$(pidfile "$name")"
  case "$name" in
    api*|worker*) wait_http "http://127.0.0.1:${PORT[$name]}/health/ready" "$name" 90 ;;
    portal) wait_http "http://127.0.0.1:$C_PORTAL/login" portal 90 ;;
  esac
}

stop_process() {
  local name="$1" pid
  [ -f "$(pidfile "$name")" ] || return 0
  pid="$(cat "$(pidfile "$name")")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$(pidfile "$name")"
}

down() {
  for name in portal api1 api2 worker1 worker2; do stop_process "$name"; done
  haproxy_stop "$CLUSTER_DIR/haproxy"
  redis_cluster_stop "$CLUSTER_DIR/redis" "$C_REDIS"
  pgbouncer_stop "$CLUSTER_DIR/pgbouncer"
  pg_stop "$CLUSTER_DIR/replica"
  pg_stop "$CLUSTER_DIR/primary"
}

up() {
  ensure_node_modules
  ensure_engine_packages
  down 2>/dev/null || true
  as_root rm -rf "$CLUSTER_DIR"; mkdir -p "$CLUSTER_DIR"
  [ -n "${CLUSTER_SKIP_BUILD:-}" ] && [ -f dist/apps/api/src/main.js ] || build_server
  if [ -z "${CLUSTER_SKIP_PORTAL:-}" ]; then
    local stamp=apps/portal/.next-cluster/BUILD_ID
    if [ ! -f "$stamp" ] || [ -n "$(find apps/portal libs/domain -newer "$stamp" -type f -not -path '*/.next*' 2>/dev/null | head -1)" ] \
       || [ "$(cat apps/portal/.next-cluster/caselink-api-url 2>/dev/null)" != "http://127.0.0.1:$C_ENTRY" ]; then
      say "Building the cluster's portal (next build into apps/portal/.next-cluster, api at the entry point :$C_ENTRY)"
      CASELINK_PORTAL_DIST_DIR=.next-cluster CASELINK_API_URL="http://127.0.0.1:$C_ENTRY" build_portal
      echo "http://127.0.0.1:$C_ENTRY" >apps/portal/.next-cluster/caselink-api-url
    fi
  fi

  say "PostgreSQL primary on :$C_PG"
  pg_primary_up "$CLUSTER_DIR/primary" "$C_PG"
  topology_roles "$C_PG" "$DB"
  say "Migrating and seeding the demo"
  migrate "$OWNER_URL" >"$CLUSTER_DIR/migrate.log" 2>&1 || { tail -20 "$CLUSTER_DIR/migrate.log"; die "migration failed"; }
  (
    provision_keys
    # Production mode wants its own key for the ID-number hashes (the seed hashes with it too): one per cluster.
    subject_key="${SUBJECT_HASH_KEY:-$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')}"
    printf 'export FACTOR_SECRET_KEY=%q JWT_SECRET=%q SUBJECT_HASH_KEY=%q WORKER_AUDIT_KEY=%q AUDIT_SIGNING_PUBLIC_KEY_FILE=%q AUDIT_ANCHOR_DIR=%q\n' \
      "$FACTOR_SECRET_KEY" "$JWT_SECRET" "$subject_key" "$WORKER_AUDIT_KEY" "$AUDIT_SIGNING_PUBLIC_KEY_FILE" "$CLUSTER_DIR/audit-anchors" >"$CLUSTER_DIR/keys.env"
  )
  # shellcheck disable=SC1091
  (. "$CLUSTER_DIR/keys.env"; DATABASE_OWNER_URL="$OWNER_URL" node dist/tools/seed/seed.js >"$CLUSTER_DIR/seed.log" 2>&1) || { tail -20 "$CLUSTER_DIR/seed.log"; die "seeding failed"; }
  [ "${CLUSTER_JUDGMENTS:-1}" = 0 ] || load_judgments "$OWNER_URL"

  say "Hot standby on :$C_REPLICA (streaming from :$C_PG)"
  pg_replica_up "$CLUSTER_DIR/replica" "$C_REPLICA" "$C_PG"
  say "pgbouncer on :$C_BOUNCER (transaction pooling)"
  pgbouncer_up "$CLUSTER_DIR/pgbouncer" "$C_BOUNCER" "$C_PG" "caselink_app:$APP_PW" "caselink_linker:$LINKER_PW" "caselink_owner:$OWNER_PW"
  say "Redis Cluster on :$C_REDIS-$((C_REDIS + 5)) (3 masters, 3 replicas)"
  redis_cluster_up "$CLUSTER_DIR/redis" "$C_REDIS"

  say "2 api processes, 2 workers, HAProxy on :$C_ENTRY, the portal on :$C_PORTAL"
  launch api1 & local a1=$!
  launch api2 & local a2=$!
  wait "$a1" && wait "$a2" || die "an api process did not become ready (logs in $CLUSTER_DIR/log)"
  launch worker1 & local w1=$!
  launch worker2 & local w2=$!
  wait "$w1" && wait "$w2" || die "a worker did not become ready (logs in $CLUSTER_DIR/log)"
  haproxy_up "$CLUSTER_DIR/haproxy" "$C_ENTRY" "${PORT[api1]}" "${PORT[api2]}"
  wait_http "http://127.0.0.1:$C_ENTRY/health/ready" "HAProxy entry point"
  [ -n "${CLUSTER_SKIP_PORTAL:-}" ] || launch portal
}

banner() {
  cat <<MSG

  CaseLink cluster is running.   Portal: http://localhost:$C_PORTAL     (the demo logins of npm start)
  Entry point (HAProxy, round robin, health-checked): http://127.0.0.1:$C_ENTRY/graphql
    api1 :${PORT[api1]}  api2 :${PORT[api2]}  (metrics :${METRICS[api1]} :${METRICS[api2]})   worker1 :${PORT[worker1]}  worker2 :${PORT[worker2]}
  PostgreSQL primary :$C_PG  ◄─ pgbouncer :$C_BOUNCER (transaction pooling)    hot standby :$C_REPLICA (replica reads)
  Redis Cluster :$C_REDIS-$((C_REDIS + 5)), queue prefix {caselink}
  Logs: $CLUSTER_DIR/log/   Break something: kill -9 \$(cat $CLUSTER_DIR/run/api1.pid); tools/scripts/cluster.sh start api1

MSG
}

case "${1:-run}" in
  run)
    trap 'say "Stopping the cluster"; down' EXIT INT TERM
    up
    banner
    # Until Ctrl-C; a process that dies stays dead (restart it with `cluster.sh start NAME` from another terminal).
    while true; do sleep 3600; done
    ;;
  up) up; banner ;;
  down) down ;;
  start) shift; launch "$1" ;;
  env) print_env ;;
  engine)
    # The fault suite's levers on the engines (apps/cluster-e2e).
    case "${2:-}" in
      pg-restart) pg_stop "$CLUSTER_DIR/primary" "${3:-fast}"; pg_start "$CLUSTER_DIR/primary" "$C_PG" ;;
      pg-stop) pg_stop "$CLUSTER_DIR/primary" "${3:-fast}" ;;
      pg-start) pg_start "$CLUSTER_DIR/primary" "$C_PG" ;;
      pgbouncer-restart)
        pgbouncer_stop "$CLUSTER_DIR/pgbouncer"
        pgbouncer_up "$CLUSTER_DIR/pgbouncer" "$C_BOUNCER" "$C_PG" "caselink_app:$APP_PW" "caselink_linker:$LINKER_PW" "caselink_owner:$OWNER_PW" ;;
      replica-stop) pg_stop "$CLUSTER_DIR/replica" "${3:-immediate}" ;;
      replica-start) pg_start "$CLUSTER_DIR/replica" "$C_REPLICA" ;;
      redis-start) redis_node_start "$CLUSTER_DIR/redis" "$3" ;;
      redis-wait) redis_cluster_wait "$C_REDIS" ;;
      *) die "usage: cluster.sh engine pg-restart|pg-stop|pg-start|pgbouncer-restart|replica-stop|replica-start|redis-start PORT|redis-wait" ;;
    esac ;;
  *) die "usage: cluster.sh [run|up|down|start NAME|env|engine ...]" ;;
esac
