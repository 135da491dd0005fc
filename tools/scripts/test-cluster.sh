#!/usr/bin/env bash
# npm run test:cluster (and npm test's phase "Cluster faults"): brings the production topology up (tools/scripts/cluster.sh,
# fresh data, no judgments), runs the interleaved-agencies tests through pgbouncer, then the fault suite
# (apps/cluster-e2e: kill -9 of an api and a worker, a Redis master failover, PostgreSQL and pgbouncer restarts, a lost
# standby, a portal whose api dies under it) and stops everything, also when a test fails.
# dist/ must be built (npm test has built it); CLUSTER_SKIP_BUILD=1 is passed on.
. "$(dirname "$0")/lib.sh"
ensure_node_modules
[ -f dist/apps/api/src/main.js ] && [ -f dist/apps/worker/src/main.js ] || build_server
command -v chromium >/dev/null || apt_install chromium
fc-list 2>/dev/null | grep -qi CJK || apt_install fonts-noto-cjk
started="$(date +%s)"
say "The interleaved-agencies tests through pgbouncer (transaction pooling; tools/scripts/pgbouncer-test.sh)"
bash tools/scripts/pgbouncer-test.sh
trap 'bash tools/scripts/cluster.sh down' EXIT
CLUSTER_SKIP_BUILD=1 CLUSTER_JUDGMENTS=0 bash tools/scripts/cluster.sh up
say "Cluster up in $(( $(date +%s) - started )) s; the fault suite (apps/cluster-e2e)"
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest -c apps/cluster-e2e/jest.config.cjs --runInBand --forceExit "$@"
say "Cluster faults phase: $(( $(date +%s) - started )) s"
