# topology_database PORT DB: on a primary of engines.sh (127.0.0.1:PORT, superuser postgres trusted), the roles and
# the database as ensure_database makes them, migrated from the working tree; exports the roles' URLs for it.
# Sourced after lib.sh (and engines.sh), not run.
topology_database() {
  local port="$1" db="$2" out="tmp/dist-topology-$2"
  topology_roles "$port" "$db"
  rm -rf "$out"
  npx swc libs tools/db -d "$out" --config-file .swcrc --ignore '**/*.spec.ts' --ignore '**/*.int-spec.ts' -q >/dev/null
  node "$out/tools/db/migrate.js" >/dev/null || die "migration of $db on port $port failed"
}

# topology_roles PORT DB: the roles and the (empty) database only, and the exported URLs (cluster.sh migrates with dist/).
topology_roles() {
  local port="$1" db="$2"
  export DATABASE_ADMIN_URL="postgres://postgres@127.0.0.1:$port/postgres"
  OWNER_PASSWORD=caselink_owner APP_PASSWORD=caselink_app LINKER_PASSWORD=caselink_linker
  export DATABASE_URL="postgres://caselink_app:$APP_PASSWORD@127.0.0.1:$port/$db"
  export DATABASE_OWNER_URL="postgres://caselink_owner:$OWNER_PASSWORD@127.0.0.1:$port/$db"
  export LINKER_DATABASE_URL="postgres://caselink_linker:$LINKER_PASSWORD@127.0.0.1:$port/$db"
  ensure_database "$db" >/dev/null
}
