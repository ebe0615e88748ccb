#!/usr/bin/env bash
# CPU cost of one ingest request in user-space instructions (callgrind), a
# figure that does not move with the machine's load, beside the same count
# for GET /healthz (the HTTP layer alone) measured in the same invocation.
#
#   bench/ingest/instructions.sh                 # uses build/bin/mccig-server
#   MCCIG_BUILD_DIR=/path/to/build SECONDS_PER_PHASE=10 bench/ingest/instructions.sh
#   ADMISSION_BATCH_MAX=1 bench/ingest/instructions.sh   # the server's --admission-batch-max
#   EXTRA_API_KEYS=10000 bench/ingest/instructions.sh   # as many other tenants' keys configured
#   PROFILE_DIR=/tmp/p bench/ingest/instructions.sh      # keeps the ingest phase's callgrind
#                                                        # dump there, for callgrind_annotate
#
# Starts a private Redis (port $BENCH_REDIS_PORT, default 6396) and the server
# under valgrind (role api, two I/O threads), warms it up, then counts only
# the phase under load (callgrind_control zeroes and dumps the counters).
# Needs the test PostgreSQL (scripts/test-services.sh) for start-up migrations.
set -euo pipefail

seconds=${SECONDS_PER_PHASE:-10}
redis_port=${BENCH_REDIS_PORT:-6396}
source "$(dirname "$0")/bench_setup.sh"
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }

start_redis --appendonly no
key_args=()
if [[ -n ${EXTRA_API_KEYS:-} ]]; then
  { for t in 1 2 3 4; do echo "t$t:bench-key-t$t"; done
    for i in $(seq "$EXTRA_API_KEYS"); do echo "other$i:other-key-$i"; done; } >"$work/api-keys"
  key_args=(--api-keys-file "$work/api-keys")
fi
start_server valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.%p" -- --io-threads 2 \
  ${ADMISSION_BATCH_MAX:+--admission-batch-max "$ADMISSION_BATCH_MAX"} "${key_args[@]}"
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
  [[ -n ${PROFILE_DIR:-} ]] && mkdir -p "$PROFILE_DIR" && cp "$dump" "$PROFILE_DIR/callgrind.$name"
  echo $((instructions / requests))
}

wrk -t1 -c8 -d2s -s "$root/bench/ingest/ingest.lua" "$url" >/dev/null # warm-up
ingest=$(measure ingest -s "$root/bench/ingest/ingest.lua" "$url")
healthz=$(measure healthz "$url/healthz")

echo "instructions per request (user space, callgrind):"
printf '  POST /v1/ingest/*  %8d\n' "$ingest"
printf '  GET /healthz       %8d\n' "$healthz"
awk -v i="$ingest" -v h="$healthz" 'BEGIN { printf "  ingest / healthz   %8.2fx\n", i / h }'
