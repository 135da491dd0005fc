#!/usr/bin/env bash
# npm run bench:fund-trace — see bench/linking/fund-trace.ts and docs/benchmarks.md (Linking); database:
# bench/linking/prepare.sh; api on BENCH_API_PORT (4310).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 1 warm-up and 5 traces, one at a time and 2 in parallel, on 300 generated
# cases in a database of its own (BENCH_LINKING_DB); every trace checked. BENCH_SKIP_BUILD=1 keeps dist/.
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/fund-trace.js
