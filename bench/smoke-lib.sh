# Sourced by a bench's run.sh after tools/scripts/lib.sh. Under BENCH_SMOKE=1 (npm test, bench/smoke.sh) a bench
# runs on a database of its own, made fresh and dropped when the script exits:
#   smoke_database NAME  drops NAME, then either copies BENCH_SMOKE_TEMPLATE (bench/smoke.sh makes it once: migrated,
#                        seeded, BENCH_CASES generated cases, the judgments) and returns 0, or creates NAME empty and
#                        returns 1, so the bench's own set-up (migrate, seed, generate) runs as in a full run.
# Smoke sizes: BENCH_CASES (300) generated cases where a bench needs them.
smoke_database() {
  local name="$1"
  admin_psql postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
  # shellcheck disable=SC2064 # this database's name
  trap "admin_psql postgres -c 'DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)'" EXIT
  if [ -n "${BENCH_SMOKE_TEMPLATE:-}" ]; then
    # The template's roles and grants come with the copy (CONNECT stays with PUBLIC, as for any new database).
    admin_psql postgres -c "CREATE DATABASE \"$name\" TEMPLATE \"$BENCH_SMOKE_TEMPLATE\" OWNER caselink_owner"
    return 0
  fi
  ensure_database "$name"
  return 1
}

if [ "${BENCH_SMOKE:-}" = "1" ]; then
  export BENCH_CASES="${BENCH_CASES:-300}"
fi
