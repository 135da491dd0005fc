#!/usr/bin/env bash
# npm run bench:relink — see bench/linking/relink.ts and docs/benchmarks.md (Linking); database: bench/linking/prepare.sh.
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): two relinks of 300 generated cases on a database of its own
# (BENCH_LINKING_DB), the second checked to rebuild what the first made. BENCH_SKIP_BUILD=1 keeps dist/ as it is.
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/relink.js
