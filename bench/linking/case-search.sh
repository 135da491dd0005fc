#!/usr/bin/env bash
# npm run bench:case-search — the portal's case list and case search at scale; see bench/linking/case-search.ts and
# docs/benchmarks.md (National scale). Database: bench/linking/prepare.sh (BENCH_LINKING_DB, BENCH_CASES: e.g.
# BENCH_LINKING_DB=caselink_bench_1m BENCH_CASES=1000000); api on BENCH_API_PORT (4310). Knobs: BENCH_REPEATS (30),
# BENCH_QUERY_BUDGET_S (60 per query and role), BENCH_ROLES (investigator@gd.demo,supervisor@gd.demo).
# BENCH_SMOKE=1: 300 generated cases on a database of its own, 2 repeats, answers checked. BENCH_SKIP_BUILD=1 keeps dist/.
. "$(dirname "$0")/prepare.sh"
node dist/bench/linking/case-search.js
