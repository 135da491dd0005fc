#!/usr/bin/env bash
# npm run bench:access — what need-to-know by role costs (bench/access/run.ts, docs/benchmarks.md).
# On the linking benches' database (100k generated cases, made once by bench/linking/prepare.sh, 3-4 minutes).
# BENCH_SMOKE=1 (npm test, bench/smoke.sh): one short round (5 runs per query), on the database BENCH_DATABASE_URL and
# BENCH_OWNER_URL name when set, else on a smoke database of its own (bench/linking/prepare.sh: BENCH_LINKING_DB, 300
# generated cases, dropped at the end). BENCH_SKIP_BUILD=1 keeps dist/ as it is.
if [ "${BENCH_SMOKE:-}" = "1" ] && [ -n "${BENCH_DATABASE_URL:-}" ]; then
  . "$(dirname "$0")/../../tools/scripts/lib.sh"
else
  . "$(dirname "$0")/../linking/prepare.sh"
fi
npx swc bench/access bench/linking -d dist --config-file .swcrc -q >/dev/null
node dist/bench/access/run.js
