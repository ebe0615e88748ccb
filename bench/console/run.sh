#!/usr/bin/env bash
# Runs both console benchmarks against a real server under traffic.
#   bench/console/run.sh [BUILD_DIR] [SECONDS] [RATE]
# Needs mccig-server, mccig-console and mccig-console-bench built in BUILD_DIR.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
seconds=${2:-30}
rate=${3:-500}
work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

eval "$("$root/scripts/test-services.sh" start)"
redis_db=14
redis_url="$MCCIG_TEST_REDIS_URL/$redis_db"
redis-cli -p "${MCCIG_TEST_REDIS_URL##*:}" -n "$redis_db" flushdb >/dev/null
psql "$MCCIG_TEST_DATABASE_URL" -q -c "DROP DATABASE IF EXISTS mccig_console_bench WITH (FORCE)" \
  -c "CREATE DATABASE mccig_console_bench"
keys="acme:key-acme,globex:key-globex,initech:key-initech"
"$build/bin/mccig-server" --listen 127.0.0.1:0 --redis-url "$redis_url" \
  --database-url "${MCCIG_TEST_DATABASE_URL%/*}/mccig_console_bench" --api-keys "$keys" \
  --admin-key bench-admin --rate-limit 100000:100000 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
server="http://$(sed -n 's/.*listening on \([0-9.:]*\).*/\1/p' "$work/server.out" | head -1)"

# Offscreen unless a display is given: the figures then include real painting
# into an image, without a compositor.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
echo "== start-up"
"$build/bench/mccig-console-bench" startup 10
for window in 5 60; do
  echo "== GUI-thread stall, ${window}-minute window"
  "$build/bench/mccig-console-bench" stall "$server" bench-admin "$keys" "$redis_url" "$seconds" "$rate" "$window"
done
