#!/usr/bin/env bash
# npm run bench:dashboard — see bench/dashboard/run.ts and docs/benchmarks.md (Supervisor dashboard).
# Database caselink_bench_linking (bench/linking/prepare.sh: migrated, seeded, 100k generated cases — generated once,
# 3-4 minutes). Once, the bench adds what the generator does not make (marked, see run.ts): series (a relink as the
# linker role, joined_at moved back to the cases' report dates), 20k freezes from the cases' owners and a task force
# with 300 tasks. BENCH_SKIP_BUILD=1 keeps dist/ as it is. Knobs: BENCH_RUNS (200), BENCH_WARMUP (20),
# BENCH_CONCURRENCY (4), BENCH_API_PORT (4324).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): 1 warm-up and 2 runs per scenario, 2 in flight, on 300 generated cases (60
# freezes) in a database of its own (BENCH_LINKING_DB) dropped at the end; every answer's figures checked.
export BENCH_API_PORT="${BENCH_API_PORT:-4324}"
. "$(dirname "$0")/../linking/prepare.sh"
npx swc bench/dashboard bench/linking -d dist --config-file .swcrc -q >/dev/null
node dist/bench/dashboard/run.js
