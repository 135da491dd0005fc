# The production topology's engines on one machine, from Debian's packages: a PostgreSQL primary with a streaming
# hot standby, pgbouncer in transaction pooling in front of the primary, a Redis Cluster of 3 masters and 3 replicas,
# and HAProxy as the one entry point to several api processes. Used by `npm run cluster` (tools/scripts/cluster.sh) and
# the cluster fault suite; every server gets its own port and its own folder under $CLUSTER_DIR, and `engines_down`
# stops them all. Sourced after lib.sh, not run.

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

ensure_engine_packages() {
  local missing=()
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] && command -v pg_basebackup >/dev/null || missing+=(postgresql)
  command -v pgbouncer >/dev/null || missing+=(pgbouncer)
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server redis-tools)
  command -v haproxy >/dev/null || missing+=(haproxy)
  if [ ${#missing[@]} -gt 0 ]; then say "Installing ${missing[*]} (Debian packages)"; apt_install "${missing[@]}"; fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  # Debian's packages start their own services on install where systemd runs; ours run on their own ports.
}

# PostgreSQL refuses to run as root: servers run as the postgres user (as Debian's do), in folders it owns.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_primary_up DIR PORT: a fresh primary cluster (WAL for streaming replicas; superuser postgres trusted on the local
# socket and 127.0.0.1 for set-up, every other role by password, as in production).
pg_primary_up() {
  local dir="$1" port="$2"
  mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir"; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
wal_level = replica
max_wal_senders = 6
wal_keep_size = 512MB
hot_standby = on
hot_standby_feedback = on
synchronous_commit = on
log_min_messages = warning
CONF
  # The set-up superuser and replication from this machine without a password; the app's roles by password.
  sed -i '1i host all postgres 127.0.0.1/32 trust\nhost replication postgres 127.0.0.1/32 trust' "$dir/data/pg_hba.conf"
  pg_start "$dir" "$port"
}

# pg_replica_up DIR PORT PRIMARY_PORT: a hot standby streaming from the primary (a base backup, then WAL as it comes).
pg_replica_up() {
  local dir="$1" port="$2" primary="$3"
  mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  rm -rf "$dir/data"
  as_pg pg_basebackup -h 127.0.0.1 -p "$primary" -U postgres -D "$dir/data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 \
    || { cat "$dir/basebackup.log" >&2; die "pg_basebackup from port $primary failed"; }
  printf "port = %s\nunix_socket_directories = '%s'\n" "$port" "$dir" | as_pg tee -a "$dir/data/postgresql.auto.conf" >/dev/null
  pg_start "$dir" "$port"
}

pg_start() {
  local dir="$1" port="$2"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || { tail -20 "$dir/server.log" >&2; die "PostgreSQL on $port did not start"; }
}

# pg_stop DIR [MODE]: fast (default), immediate (a crash, as kill -9 of the postmaster would leave it) or smart.
pg_stop() { [ -f "$1/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m "${2:-fast}" -w -t 60 stop >/dev/null 2>&1 || true; }

# pgbouncer_up DIR PORT PG_PORT USER:PASSWORD...: transaction pooling in front of the primary. Each request's agency is
# set with set_config(..., true), which ends with the transaction, so a server connection can serve any client next.
pgbouncer_up() {
  local dir="$1" port="$2" pg_port="$3"; shift 3
  mkdir -p "$dir"
  : >"$dir/userlist.txt"
  for up in "$@"; do printf '"%s" "%s"\n' "${up%%:*}" "${up#*:}" >>"$dir/userlist.txt"; done
  cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$pg_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
reserve_pool_size = 10
server_reset_query =
server_check_delay = 5
# After PostgreSQL restarts, try its login again within a second (the default waits 15 s).
server_login_retry = 1
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
  [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
  as_pg pgbouncer -d "$dir/pgbouncer.ini" >/dev/null 2>&1 || { tail -20 "$dir/pgbouncer.log" >&2; die "pgbouncer on $port did not start"; }
  # Up to 20 s: on a busy 2-core machine (a portal build just ended) 5 s was once not enough.
  for _ in $(seq 1 200); do reachable 127.0.0.1 "$port" && return 0; sleep 0.1; done
  tail -20 "$dir/pgbouncer.log" >&2
  die "pgbouncer did not listen on $port"
}

pgbouncer_stop() { [ -f "$1/pgbouncer.pid" ] && kill "$(cat "$1/pgbouncer.pid")" 2>/dev/null; for _ in $(seq 1 50); do [ -f "$1/pgbouncer.pid" ] && kill -0 "$(cat "$1/pgbouncer.pid")" 2>/dev/null || return 0; sleep 0.1; done; }

# redis_cluster_up DIR FIRST_PORT: six nodes on FIRST_PORT..+5, three masters each with a replica. Nothing persisted
# (queues and live events only; a restarted node rejoins as a replica and copies its master). A master that stops
# answering for 2 s is failed over to its replica.
redis_cluster_up() {
  local dir="$1" first="$2" nodes=()
  mkdir -p "$dir"
  for i in 0 1 2 3 4 5; do
    local port=$((first + i))
    redis_node_start "$dir" "$port"
    nodes+=("127.0.0.1:$port")
  done
  for n in "${nodes[@]}"; do for _ in $(seq 1 50); do reachable 127.0.0.1 "${n#*:}" && break; sleep 0.1; done; done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1 || { cat "$dir/create.log" >&2; die "redis-cli --cluster create failed"; }
  redis_cluster_wait "$first"
}

redis_node_start() {
  local dir="$1" port="$2"
  mkdir -p "$dir/$port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir/$port" --daemonize yes --pidfile "$dir/$port/redis.pid" \
    --logfile "$dir/$port/redis.log" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 \
    --save '' --appendonly no --maxmemory-policy noeviction >/dev/null
}

# Waits until every node says the cluster is ok (all slots served).
redis_cluster_wait() {
  local first="$1"
  for _ in $(seq 1 100); do
    local ok=0
    for i in 0 1 2 3 4 5; do
      redis-cli -p $((first + i)) cluster info 2>/dev/null | grep -q 'cluster_state:ok' && ok=$((ok + 1))
    done
    # ...and every master has its replica, in sync (a replica whose first sync has not finished would refuse to
    # take over from a dead master: its data would count as too old).
    local synced=0
    for i in 0 1 2 3 4 5; do
      redis-cli -p $((first + i)) info replication 2>/dev/null | grep -q 'master_link_status:up' && synced=$((synced + 1))
    done
    [ "$ok" = 6 ] && [ "$(redis-cli -p "$first" cluster nodes 2>/dev/null | grep -c ' slave ')" = 3 ] && [ "$synced" = 3 ] && return 0
    sleep 0.2
  done
  die "the Redis Cluster on $first.. did not reach cluster_state:ok"
}

redis_cluster_stop() {
  local dir="$1" first="$2"
  for i in 0 1 2 3 4 5; do redis-cli -p $((first + i)) shutdown nosave >/dev/null 2>&1 || true; done
}

# haproxy_up DIR PORT BACKEND_PORT...: one entry point, round robin over the api processes, each checked on
# /health/ready; WebSocket upgrades (subscriptions) pass through and stay on their process.
haproxy_up() {
  local dir="$1" port="$2"; shift 2
  mkdir -p "$dir"
  {
    cat <<CFG
global
  pidfile $dir/haproxy.pid
  daemon
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  option redispatch
  retries 2
frontend caselink
  bind 127.0.0.1:$port
  default_backend api
backend api
  balance roundrobin
  option httpchk GET /health/live
  http-check expect status 200
  default-server inter 1s fall 2 rise 1
CFG
    local i=1
    for p in "$@"; do echo "  server api$i 127.0.0.1:$p check"; i=$((i + 1)); done
  } >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" || die "haproxy.cfg is invalid"
  haproxy -f "$dir/haproxy.cfg" || die "haproxy did not start on $port"
}

haproxy_stop() { [ -f "$1/haproxy.pid" ] && kill "$(cat "$1/haproxy.pid")" 2>/dev/null || true; }
