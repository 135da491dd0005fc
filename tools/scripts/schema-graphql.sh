#!/usr/bin/env bash
# npm run schema:graphql — writes schema.graphql: the GraphQL schema the api serves (sorted, with the descriptions that
# document it), from the api as built, started on a fresh migrated database (the api checks its database at start-up).
# `npm test` fails when the code and the file differ (apps/api/src/schema/schema-file.int-spec.ts). The file is
# generated: change the models and resolvers in apps/api/src, then run this. An argument writes elsewhere instead.
. "$(dirname "$0")/lib.sh"
OUT="${1:-schema.graphql}"
ensure_node_modules; ensure_postgres; ensure_redis
DB="caselink_schema_graphql"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
ensure_database "$DB" >/dev/null
[ -n "${SCHEMA_GRAPHQL_SKIP_BUILD:-}" ] || build_server
migrate "$(with_database "$DATABASE_OWNER_URL" "$DB")" >/dev/null
DATABASE_URL="$(with_database "$DATABASE_URL" "$DB")" REDIS_URL="$REDIS_URL" QUEUE_PREFIX="caselink-schema-$$" NODE_ENV=development \
  JWT_SECRET="${JWT_SECRET:-schema-graphql-schema-graphql-schema-graphql}" node dist/apps/api/src/schema/write-schema.js "$OUT"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
say "Wrote $OUT ($(wc -l < "$OUT") lines)"
