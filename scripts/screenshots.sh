#!/usr/bin/env bash
# Writes docs/screenshots/LANGUAGE/WxH/*.png: every screen of the console and
# the situations a support engineer meets (no connection, new failures while
# the DLQ list is loaded, a wrong admin key), populated from a real
# mccig-server under simulated traffic, at 1440x900 and 1024x700, in English
# and German.
#   scripts/screenshots.sh [BUILD_DIR]      (default: build)
# Needs mccig-server, mccig-sim and mccig-console built in BUILD_DIR. Starts
# the test Redis and PostgreSQL (scripts/test-services.sh), a server on a free
# loopback port, mccig-sim for live traffic (replayed copies, forced failures,
# a noisy tenant beside calm ones) plus a loop of invalid requests, then runs
# `mccig-console --screenshots` offscreen once per language.
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

# mccig-sim's phases: replayed copies and forced failures first, then the noisy
# tenant's flood beside steady traffic from the others, long enough to outlast
# the screenshots.
"$build/bin/mccig-sim" send --manifest "$work/traffic.json" --target "$server" --admin-key "$admin_key" \
  --tenant acme:key-acme --tenant globex:key-globex --tenant initech:key-initech --tenant noisy:key-noisy \
  --noisy-tenant noisy --replay-copies 40 --failures 12 --noisy-rate 60 --noisy-duration 400 \
  --noisy-others-rate 20 --duration 1 >/dev/null 2>"$work/sim.log" &
pids+=($!)
# mccig-sim sends only valid messages; the dashboard's "invalid" line comes from here.
invalid='{"providerMessageId":"bad-N","from":"555","to":"+14155550199","body":"bad number"}'
(n=0; while true; do n=$((n + 1))
  curl -s -o /dev/null "$server/v1/ingest/sms" -H 'Authorization: Bearer key-initech' \
    -H 'Content-Type: application/json' -d "${invalid//N/$n}" || true
  sleep 0.3
done) &
pids+=($!)
sleep 4

for language in ${MCCIG_SCREENSHOT_LANGUAGES:-en de}; do
  rm -rf "${out:?}/$language" "$work/config"
  mkdir -p "$out/$language" "$work/config"
  # A fresh configuration each time: no saved profile, window state or language.
  QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" \
    "$build/bin/mccig-console" --screenshots "$out/$language" --language "$language" \
    --server "$server" --admin-key "$admin_key" --api-keys "$api_keys" --redis-url "$redis_url"
done
find "$out" -name '*.png' | sort
du -sh "$out"
