#!/usr/bin/env bash
# Benchmark smoke (npm test's phase "Benchmark smoke"; docs/benchmarks.md, "Smoke mode"): every benchmark under bench/
# with BENCH_SMOKE=1 — its whole code path (real api/worker processes, PostgreSQL, Redis) at tiny sizes, every answer
# and count checked, never a time — one after the other, each with its wall time.
# A failing bench fails the phase. dist/ must be built (npm test has built it; BENCH_SKIP_BUILD=1 is passed on).
#
# Databases: BENCH_SMOKE_PREFIX (caselink_bench_smoke) _template, then one per bench (_graphql_server, _cases_list, ...),
# each dropped at its end. The template is migrated, seeded, holds BENCH_CASES (300) generated cases and the 26,121
# judgments; BENCH_SMOKE_BASE (e.g. npm test's e2e database: migrated, seeded, judgments) is copied instead of made.
# Ports: 4440-4449, and 4360 (bench:sign-in's api); the graphql-server bench asks the OS for free ones. No other phase
# of npm test listens while this one runs (the browser tests' 4100, 4101 and 3100 come after).
# BENCH_SMOKE_ONLY="relink requests" runs only those.
. "$(dirname "$0")/../tools/scripts/lib.sh"
ensure_node_modules
ensure_postgres
ensure_redis
[ -f dist/apps/api/src/main.js ] && [ -f dist/apps/worker/src/main.js ] && [ -f dist/tools/generator/load.js ] || die "dist/ is not built: run npm run build"
export BENCH_SMOKE=1 BENCH_SKIP_BUILD=1 BENCH_CASES="${BENCH_CASES:-300}"
PREFIX="${BENCH_SMOKE_PREFIX:-caselink_bench_smoke}"
TEMPLATE="${PREFIX}_template"

wall() { node -e 'process.stdout.write(((Date.now() - Number(process.argv[1])) / 1000).toFixed(1))' "$1"; }
now() { node -e 'process.stdout.write(String(Date.now()))'; }
phase_started="$(now)"

say "Benchmark smoke: the template database $TEMPLATE"
admin_psql postgres -c "DROP DATABASE IF EXISTS \"$TEMPLATE\" WITH (FORCE)"
# shellcheck disable=SC2064 # the template's name
trap "admin_psql postgres -c 'DROP DATABASE IF EXISTS \"$TEMPLATE\" WITH (FORCE)'" EXIT
template_url="$(with_database "$DATABASE_OWNER_URL" "$TEMPLATE")"
if [ -n "${BENCH_SMOKE_BASE:-}" ]; then
  ensure_database "$TEMPLATE" >/dev/null
  admin_psql postgres -c "DROP DATABASE \"$TEMPLATE\""
  admin_psql postgres -c "CREATE DATABASE \"$TEMPLATE\" TEMPLATE \"$BENCH_SMOKE_BASE\" OWNER caselink_owner"
else
  ensure_database "$TEMPLATE"
  migrate "$template_url"
  DATABASE_OWNER_URL="$template_url" node dist/tools/seed/seed.js
  load_judgments "$template_url"
fi
DATABASE_OWNER_URL="$template_url" node dist/tools/generator/load.js --truncate --cases "$BENCH_CASES" --seed 42 >/dev/null
PGOPTIONS='-c client_min_messages=error' psql "$template_url" -qc 'ANALYZE'
export BENCH_SMOKE_TEMPLATE="$TEMPLATE"
times=("template: $(wall "$phase_started") s")

# name, then the environment and the script: each bench's database and ports are its own.
BENCHES=(
  "access|BENCH_LINKING_DB=${PREFIX}_access|bench/access/run.sh"
  "retention|BENCH_RETENTION_DB=${PREFIX}_retention|bench/retention/run.sh"
  "sign-in|BENCH_SIGN_IN_DB=${PREFIX}_sign_in|bench/sign-in/run.sh"
  "graphql-server|BENCH_GRAPHQL_SERVER_DB=${PREFIX}_graphql_server|bench/graphql-server/run.sh"
  "cases-list|BENCH_CASES_LIST_DB=${PREFIX}_cases_list BENCH_API_PORT=4440 BENCH_BARE_PORT=4441|bench/cases-list/run.sh"
  "imports|BENCH_IMPORTS_DB=${PREFIX}_imports|bench/imports/run.sh"
  "relink|BENCH_LINKING_DB=${PREFIX}_relink|bench/linking/relink.sh"
  "link-latency|BENCH_LINKING_DB=${PREFIX}_link_latency BENCH_API_PORT=4442 BENCH_WORKER_HEALTH_PORT=4443|bench/linking/link-latency.sh"
  "fund-trace|BENCH_LINKING_DB=${PREFIX}_fund_trace BENCH_API_PORT=4444|bench/linking/fund-trace.sh"
  "case-search|BENCH_LINKING_DB=${PREFIX}_case_search BENCH_API_PORT=4447|bench/linking/case-search.sh"
  "analytics|BENCH_DB=${PREFIX}_analytics BENCH_API_PORT=4445|bench/analytics/run.sh"
  "requests|BENCH_REQUESTS_DB=${PREFIX}_requests BENCH_API_PORT=4446|bench/requests/run.sh"
  "dashboard|BENCH_LINKING_DB=${PREFIX}_dashboard BENCH_API_PORT=4449|bench/dashboard/run.sh"
  "risk|BENCH_RISK_DB=${PREFIX}_risk|bench/risk/run.sh"
)
failed=()
for entry in "${BENCHES[@]}"; do
  IFS='|' read -r name vars script <<<"$entry"
  if [ -n "${BENCH_SMOKE_ONLY:-}" ] && [[ " $BENCH_SMOKE_ONLY " != *" $name "* ]]; then continue; fi
  say "Benchmark smoke: $name ($script)"
  started="$(now)"
  # shellcheck disable=SC2086 # the entry's variables, one word each
  if env $vars bash "$script"; then status=ok; else status=FAILED; failed+=("$name"); fi
  times+=("$name: $(wall "$started") s $status")
done
say "Benchmark smoke: wall time per bench"
printf '  %s\n' "${times[@]}" "total: $(wall "$phase_started") s"
[ "${#failed[@]}" -eq 0 ] || die "benchmark smoke failed: ${failed[*]}"
