#!/usr/bin/env bash
# npm run bench:fund-trace — see bench/linking/fund-trace.ts and docs/benchmarks.md (Linking).
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/fund-trace.js
