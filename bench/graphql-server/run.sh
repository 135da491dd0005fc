#!/usr/bin/env bash
# GraphQL server benchmark: Apollo (Express) vs Mercurius (Fastify) under NestJS 11.
# Usage: npm run bench:graphql-server   (env knobs: see bench/graphql-server/run.ts)
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf dist/bench/graphql-server
npx swc bench/graphql-server -d dist --config-file .swcrc
node dist/bench/graphql-server/run.js
