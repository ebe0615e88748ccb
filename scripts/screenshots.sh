#!/usr/bin/env bash
# Writes docs/screenshots/*.png: one screenshot of each of the console's six
# screens, populated from a real mccig-server under simulated traffic.
#   scripts/screenshots.sh [BUILD_DIR]      (default: build)
# Needs mccig-server and mccig-console built in BUILD_DIR. Starts the test
# Redis and PostgreSQL (scripts/test-services.sh), a server on a free
# loopback port, a few sender loops (steady, duplicate, invalid, noisy and
# failing traffic), then runs `mccig-console --screenshots` offscreen.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=${MCCIG_SCREENSHOT_DIR:-$root/docs/screenshots}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

eval "$("$root/scripts/test-services.sh" start)"
redis_db=14
redis_url="$MCCIG_TEST_REDIS_URL/$redis_db"
redis_port=${MCCIG_TEST_REDIS_URL##*:}
redis-cli -p "$redis_port" -n "$redis_db" flushdb >/dev/null
database=mccig_screenshots
psql "$MCCIG_TEST_DATABASE_URL" -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
database_url="${MCCIG_TEST_DATABASE_URL%/*}/$database"

admin_key=screenshot-admin
api_keys="acme:key-acme,globex:key-globex,initech:key-initech,noisy:key-noisy"
"$build/bin/mccig-server" --listen 127.0.0.1:0 --redis-url "$redis_url" --database-url "$database_url" \
  --api-keys "$api_keys" --admin-key "$admin_key" --tenant-rate-limits noisy=20:8 \
  --simulation-mode --max-attempts 2 --retry-base-ms 200 >"$work/server.out" 2>"$work/server.log" &
pids+=($!)
for _ in $(seq 100); do grep -q 'listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
address=$(sed -n 's/.*listening on \([0-9.:]*\).*/\1/p' "$work/server.out" | head -1)
[[ -n $address ]] || { echo "screenshots: the server did not start, see its log:" >&2; tail "$work/server.log" >&2; exit 1; }
server="http://$address"

# One sender loop: KEY, message-id prefix, pause between requests, and a body
# template where ID is replaced by the message id.
send_loop() {
  local key=$1 prefix=$2 pause=$3 template=$4 n=0
  while true; do
    n=$((n + 1))
    curl -s -o /dev/null "$server/v1/ingest/sms" -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' -d "${template//ID/$prefix-$n}" || true
    sleep "$pause"
  done
}
sms='{"providerMessageId":"ID","from":"+14155550100","to":"+14155550199","body":"hello"}'
send_loop key-acme acme 0.02 "$sms" & pids+=($!)
send_loop key-globex globex 0.05 "$sms" & pids+=($!)
send_loop key-initech dup 0.1 '{"providerMessageId":"same-every-time","from":"+14155550100","to":"+14155550199","body":"again"}' & pids+=($!)
send_loop key-initech bad 0.3 '{"providerMessageId":"ID","from":"555","to":"+14155550199","body":"bad number"}' & pids+=($!)
send_loop key-noisy noisy 0.01 "$sms" & pids+=($!)
send_loop key-globex fail 1.5 '{"providerMessageId":"ID","from":"+14155550100","to":"+14155550199","body":"will fail","metadata":{"simulateFailure":true}}' & pids+=($!)
sleep 4

mkdir -p "$out" "$work/config"
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" \
  "$build/bin/mccig-console" --screenshots "$out" --language "${MCCIG_SCREENSHOT_LANGUAGE:-en}" \
  --server "$server" --admin-key "$admin_key" --api-keys "$api_keys" --redis-url "$redis_url"
ls -1 "$out"/*.png
