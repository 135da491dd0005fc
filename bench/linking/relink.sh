#!/usr/bin/env bash
# npm run bench:relink — see bench/linking/relink.ts and docs/benchmarks.md (Linking).
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/relink.js
