#!/usr/bin/env bash
# GraphQL server benchmark: Apollo (Express) vs Mercurius (Fastify) under NestJS 11.
# Usage: npm run bench:graphql-server   (env knobs: see bench/graphql-server/run.ts)
# Database caselink_bench_graphql (created here, owned by caselink_owner; BENCH_DATABASE_URL picks another); the servers
# listen on free ports the OS hands out. Compiles bench/graphql-server only (dist/apps is not touched).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): each server and mode once, 1 s warm-up and 1 s measured at 4 connections,
# every response's body checked, on a database of its own (BENCH_GRAPHQL_SERVER_DB, default
# caselink_bench_graphql_smoke) dropped at the end.
. "$(dirname "$0")/../../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
if [ "${BENCH_SMOKE:-}" = "1" ]; then
  . "$(dirname "$0")/../smoke-lib.sh"
  BENCH_DB="${BENCH_GRAPHQL_SERVER_DB:-caselink_bench_graphql_smoke}"
  # Its own table only: an empty database, never the template.
  BENCH_SMOKE_TEMPLATE='' smoke_database "$BENCH_DB" || true
  export BENCH_DATABASE_URL="$(with_database "$DATABASE_OWNER_URL" "$BENCH_DB")"
elif [ -z "${BENCH_DATABASE_URL:-}" ]; then
  ensure_database caselink_bench_graphql
  export BENCH_DATABASE_URL="$(with_database "$DATABASE_OWNER_URL" caselink_bench_graphql)"
fi
rm -rf dist/bench/graphql-server
npx swc bench/graphql-server -d dist --config-file .swcrc -q >/dev/null
node dist/bench/graphql-server/run.js
