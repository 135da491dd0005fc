#!/usr/bin/env bash
# npm run bench:link-latency — see bench/linking/latency.ts and docs/benchmarks.md (Linking).
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/latency.js
