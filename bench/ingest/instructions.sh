#!/usr/bin/env bash
# CPU cost of one ingest request in user-space instructions (callgrind), a
# figure that does not move with the machine's load, beside the same count
# for GET /healthz (the HTTP layer alone) measured in the same invocation.
#
#   bench/ingest/instructions.sh                 # uses build/bin/mccig-server
#   MCCIG_BUILD_DIR=/path/to/build SECONDS_PER_PHASE=10 bench/ingest/instructions.sh
#
# Starts a private Redis (port $BENCH_REDIS_PORT, default 6396) and the server
# under valgrind (role api, two I/O threads), warms it up, then counts only
# the phase under load (callgrind_control zeroes and dumps the counters).
# Needs the test PostgreSQL (scripts/test-services.sh) for start-up migrations.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${MCCIG_BUILD_DIR:-$root/build}
server_bin=$build/bin/mccig-server
seconds=${SECONDS_PER_PHASE:-10}
redis_port=${BENCH_REDIS_PORT:-6396}
admin_url=${MCCIG_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5441/postgres}
database_url=${admin_url%/*}/mccig_bench
work=$(mktemp -d)
server_pid=""

cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -x $server_bin ]] || { echo "no server binary at $server_bin (set MCCIG_BUILD_DIR)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
psql "$admin_url" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'mccig_bench'" | grep -q 1 \
  || psql "$admin_url" -qc "CREATE DATABASE mccig_bench"

valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.%p" "$server_bin" --listen 127.0.0.1:0 \
  --role api --io-threads 2 --redis-url "redis://127.0.0.1:$redis_port/0" --database-url "$database_url" \
  --api-keys t1:bench-key-t1,t2:bench-key-t2,t3:bench-key-t3,t4:bench-key-t4 \
  --rate-limit 100000000:100000000 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 300); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.2; done
port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out")
[[ -n $port ]] || { cat "$work/server.log" >&2; exit 1; }
url=http://127.0.0.1:$port

# Instructions per request of one phase: zero, load, dump, read the dump.
measure() {
  local name=$1 dump
  shift
  callgrind_control -z "$server_pid" >/dev/null 2>&1
  wrk -t1 -c8 -d"${seconds}s" "$@" >"$work/$name.txt"
  callgrind_control -d "$name" "$server_pid" >/dev/null 2>&1
  dump=$(ls -t "$work"/callgrind.* | head -1)
  local instructions requests
  instructions=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  requests=$(awk '/requests in/ {print $1}' "$work/$name.txt")
  echo $((instructions / requests))
}

wrk -t1 -c8 -d2s -s "$root/bench/ingest/ingest.lua" "$url" >/dev/null # warm-up
ingest=$(measure ingest -s "$root/bench/ingest/ingest.lua" "$url")
healthz=$(measure healthz "$url/healthz")

echo "instructions per request (user space, callgrind):"
printf '  POST /v1/ingest/*  %8d\n' "$ingest"
printf '  GET /healthz       %8d\n' "$healthz"
awk -v i="$ingest" -v h="$healthz" 'BEGIN { printf "  ingest / healthz   %8.2fx\n", i / h }'
