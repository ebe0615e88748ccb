#!/usr/bin/env bash
# The OpenAPI contract check, run by CTest:
#   run_contract_check.sh PATH/TO/mccig-server
# 1. lints resources/openapi.json with Redocly;
# 2. starts the built server on a private Redis (so the check can stop it and
#    see the 503s) and the test PostgreSQL, puts Prism's validation proxy in
#    front of it, and drives real traffic through it: every route and every
#    error status the server can give (drive_traffic.mjs). Any difference
#    between an answer and the document fails the check.
# The tools are the versions pinned in package-lock.json, installed here with
# `npm ci` when missing. Needs MCCIG_TEST_DATABASE_URL (scripts/test.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
server=${1:?usage: run_contract_check.sh PATH/TO/mccig-server}
document="$root/resources/openapi.json"
: "${MCCIG_TEST_DATABASE_URL:?the test PostgreSQL is not running (use scripts/test.sh)}"

"$here/install_tools.sh"
bin="$here/node_modules/.bin"

echo "== redocly lint"
"$bin/redocly" lint --format=stylish "$document"

work=$(mktemp -d /tmp/mccig-contract.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
for _ in $(seq 100); do [[ $(redis-cli -p "$redis_port" ping 2>/dev/null) == PONG ]] && break; sleep 0.1; done

database_url="${MCCIG_TEST_DATABASE_URL%/*}/mccig_contract"
psql -q "$MCCIG_TEST_DATABASE_URL" -c 'DROP DATABASE IF EXISTS mccig_contract' -c 'CREATE DATABASE mccig_contract'

"$server" --listen 127.0.0.1:0 --shutdown-grace 0 --role all --redis-url "redis://127.0.0.1:$redis_port/0" \
  --database-url "$database_url" --admin-key contract-admin --public-url https://contract.example \
  --api-keys acme:key-acme,globex:key-globex,tiny:key-tiny --tenant-rate-limits tiny=1:0.001 \
  --simulation-mode --max-attempts 1 --retry-base-ms 10 --backend-timeout-ms 500 \
  >"$work/server.out" 2>"$work/server.log" &
pids+=($!)
for _ in $(seq 200); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
server_port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/server.out")
[[ -n $server_port ]] || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }

# Two proxies: "strict" (--errors) answers a problem document instead of any
# answer that differs from the document; "observing" forwards requests that
# the document itself calls invalid (to reach the server's 4xx) and reports
# every difference in its sl-violations header.
strict_port=$(free_port)
observing_port=$(free_port)
"$bin/prism" proxy "$document" "http://127.0.0.1:$server_port" --errors --host 127.0.0.1 --port "$strict_port" \
  >"$work/prism-strict.log" 2>&1 &
pids+=($!)
"$bin/prism" proxy "$document" "http://127.0.0.1:$server_port" --host 127.0.0.1 --port "$observing_port" \
  >"$work/prism-observing.log" 2>&1 &
pids+=($!)
for port in "$strict_port" "$observing_port"; do
  for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
done

echo "== traffic through Prism's validation proxy"
status=0
MCCIG_SERVER_PORT=$server_port MCCIG_STRICT_PORT=$strict_port MCCIG_OBSERVING_PORT=$observing_port \
  MCCIG_CONTRACT_REDIS_PORT=$redis_port MCCIG_OPENAPI_DOCUMENT="$document" \
  node "$here/drive_traffic.mjs" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server log (tail)"; tail -n 30 "$work/server.log"
  echo "--- prism (strict) log (tail)"; tail -n 30 "$work/prism-strict.log"
fi
exit $status
