#!/usr/bin/env bash
# npm run db:schema — writes libs/db/schema.sql: every table, index, policy, trigger, function and grant as they stand
# after all migrations (pg_dump --schema-only of a freshly migrated database), so the current schema is read in one
# file instead of replayed from the migrations. `npm test` fails when the migrations and the file differ
# (`schema_sql_check`). The file is generated: change the schema with a migration, then run this.
. "$(dirname "$0")/lib.sh"
ensure_node_modules; ensure_postgres
DB="caselink_schema_sql"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
ensure_database "$DB" >/dev/null
[ -n "${SCHEMA_SQL_SKIP_BUILD:-}" ] || build_server
migrate "$(with_database "$DATABASE_OWNER_URL" "$DB")" >/dev/null
dump_schema "$(with_database "$DATABASE_OWNER_URL" "$DB")" > libs/db/schema.sql
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
say "Wrote libs/db/schema.sql ($(wc -l < libs/db/schema.sql) lines)"
