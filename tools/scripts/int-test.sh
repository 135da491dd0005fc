#!/usr/bin/env bash
# Development helper: a private test database, migrated from the working tree, and the integration tests
# given as Jest arguments, e.g. `bash tools/scripts/int-test.sh caselink_mine apps/api/src/tenancy`.
# Several can run side by side (each its own database and build folder).
. "$(dirname "$0")/lib.sh"
DB="$1"; shift
OUT="tmp/dist-$DB"
ensure_node_modules; ensure_postgres; ensure_redis
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
ensure_database "$DB"
rm -rf "$OUT"
npx swc libs tools/db -d "$OUT" --config-file .swcrc --ignore '**/*.spec.ts' --ignore '**/*.int-spec.ts' -q >/dev/null
DATABASE_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$DB")" node "$OUT/tools/db/migrate.js" || die "migration failed"
export TEST_DATABASE_URL="$(with_database "$DATABASE_URL" "$DB")"
export TEST_DATABASE_OWNER_URL="$(with_database "$DATABASE_OWNER_URL" "$DB")"
export TEST_LINKER_DATABASE_URL="$(with_database "$LINKER_DATABASE_URL" "$DB")"
export TEST_REDIS_URL="$REDIS_URL"
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest -c jest.integration.config.cjs --runInBand --forceExit "$@"
