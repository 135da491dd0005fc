#!/usr/bin/env bash
# npm run bench:link-latency — see bench/linking/latency.ts and docs/benchmarks.md (Linking); database:
# bench/linking/prepare.sh; api on BENCH_API_PORT (4310), worker health on BENCH_WORKER_HEALTH_PORT (4311).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 5 statements at 5/s on 300 generated cases, on a database of its own
# (BENCH_LINKING_DB); every statement must be linked and shown by caseLinks. BENCH_SKIP_BUILD=1 keeps dist/ as it is.
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/latency.js
