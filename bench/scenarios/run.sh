#!/usr/bin/env bash
# Runs the three load scenarios against a fresh server and prints the figures.
#   bench/scenarios/run.sh              # needs build/bin/mccig-server (scripts/build.sh)
# Environment:
#   MCCIG_BUILD_DIR   build tree with bin/mccig-server (default: build)
#   MCCIG_DURATION    seconds per scenario (default 10)
#   MCCIG_TEST_REDIS_PORT / MCCIG_TEST_PG_PORT   private service ports (default 6395 / 5445)
# Redis and PostgreSQL are started privately under a temporary directory and
# stopped at the end, so a developer's own servers and the test services are
# left alone.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${MCCIG_BUILD_DIR:-$root/build}
server=$build/bin/mccig-server
duration=${MCCIG_DURATION:-10}
[[ -x $server ]] || { echo "run.sh: $server not found; build first (scripts/build.sh)" >&2; exit 2; }

export MCCIG_TEST_REDIS_PORT=${MCCIG_TEST_REDIS_PORT:-6395}
export MCCIG_TEST_PG_PORT=${MCCIG_TEST_PG_PORT:-5445}
work=$(mktemp -d /tmp/mccig-bench.XXXXXX)
chmod 755 "$work"
export MCCIG_SERVICES_DIR=$work/services
server_pid=

cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  "$root/scripts/test-services.sh" stop
  rm -rf "$work"
}
trap cleanup EXIT

eval "$("$root/scripts/test-services.sh" start)"
psql "$MCCIG_TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS mccig_bench" -c "CREATE DATABASE mccig_bench" >/dev/null
redis-cli -p "$MCCIG_TEST_REDIS_PORT" flushall >/dev/null

admin_key=bench-admin
"$server" --listen 127.0.0.1:0 --shutdown-grace 0 \
  --redis-url "$MCCIG_TEST_REDIS_URL/0" \
  --database-url "postgresql://postgres@127.0.0.1:$MCCIG_TEST_PG_PORT/mccig_bench" \
  --api-keys good:kg,replay:kr,noisy:kn,calm:kc \
  --tenant-rate-limits good=1000000:1000000,replay=1000000:1000000,noisy=20:10,calm=100:50 \
  --admin-key "$admin_key" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do grep -q '^listening on ' "$work/server.out" && break; sleep 0.1; done
address=$(sed -n 's/^listening on //p' "$work/server.out")
[[ -n $address ]] || { echo "run.sh: the server did not start:" >&2; tail -5 "$work/server.log" >&2; exit 1; }
url=http://$address
export MCCIG_RUN_ID=$(date +%s)
echo "server $url, run $MCCIG_RUN_ID, $duration s per scenario, $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"

admin() { curl -sf -H "Authorization: Bearer $admin_key" "$url$1"; }

wait_for_drain() {
  local started=$SECONDS depth
  while true; do
    depth=$(admin "/v1/admin/stats?window=1" | jq .queueDepth)
    [[ $depth == 0 || $((SECONDS - started)) -ge 120 ]] && break
    sleep 0.2
  done
  echo "== queue drained in $((SECONDS - started)) s (depth $depth)"
}

echo; echo "### Good Citizen: 50 concurrent clients, unique messages"
MCCIG_API_KEY=kg wrk -t2 -c50 -d"${duration}s" --latency -s "$here/good_citizen.lua" "$url" | grep '^=='
wait_for_drain
echo "== rows stored for tenant good: $(admin "/v1/admin/events/count?tenantId=good" | jq .count)"

echo; echo "### Replay Attack: 10 concurrent clients, one providerMessageId"
MCCIG_API_KEY=kr wrk -t2 -c10 -d"${duration}s" -s "$here/replay_attack.lua" "$url" | grep '^=='
wait_for_drain
echo "== rows stored for the replayed message: $(admin "/v1/admin/events/count?tenantId=replay&channel=sms&providerMessageId=replay-$MCCIG_RUN_ID" | jq .count)"

echo; echo "### Noisy Neighbour: tenant noisy (limit 20 burst, 10/s) at ~200 req/s, tenant calm at ~20 req/s"
MCCIG_API_KEY=kn MCCIG_PACE_MS=20 MCCIG_LABEL=noisy wrk -t1 -c4 -d"${duration}s" -s "$here/noisy_neighbour.lua" "$url" \
  >"$work/noisy.txt" &
noisy_pid=$!
MCCIG_API_KEY=kc MCCIG_PACE_MS=50 MCCIG_LABEL=calm wrk -t1 -c1 -d"${duration}s" -s "$here/noisy_neighbour.lua" "$url" \
  | grep '^=='
wait "$noisy_pid"
grep '^==' "$work/noisy.txt"
wait_for_drain

sim=$build/bin/mccig-sim
if [[ -x $sim ]]; then
  echo; echo "### Verified mixed traffic: mccig-sim, 500 req/s for $duration s over three tenants, every check"
  "$sim" --target "$url" --admin-key "$admin_key" --tenant good:kg --tenant calm:kc --tenant noisy:kn \
    --noisy-tenant noisy --rate 500 --duration "$duration" --concurrency 16 \
    --checks persistence,replay,noisy 2>/dev/null \
    | sed 's/^/== /'
fi
