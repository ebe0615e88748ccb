#!/usr/bin/env bash
# Redis's cost of one admission in user-space instructions (callgrind), a
# figure that does not move with the machine's load: admit.lua (one admission
# per call, the server with --admission-batch-max 1) and admit_batch.lua with
# a fixed number of admissions per call, in one invocation.
#
#   bench/ingest/redis_instructions.sh                  # SIZES="1 4 16 32" CALLS=2000
#   SCRIPTS_DIR=/path/to/scripts bench/ingest/redis_instructions.sh   # another tree's scripts
#   PROFILE_DIR=/tmp/p bench/ingest/redis_instructions.sh   # keeps each size's callgrind dump
#
# Starts a private redis-server (port $BENCH_REDIS_PORT, default 6396) under
# valgrind with AOF on as run.sh has it, and drives it with redis-benchmark:
# every admission a new message over four tenants whose buckets never
# throttle, with the event of run.sh. Only the measured calls are counted
# (callgrind_control zeroes and dumps the counters), and the stream's growth
# shows every admission was accepted. The kernel's side (sockets, the AOF's
# writes) is not in these counts.
set -euo pipefail

sizes=${SIZES:-1 4 16 32}
calls=${CALLS:-2000}
redis_port=${BENCH_REDIS_PORT:-6396}
root=$(cd "$(dirname "$0")/../.." && pwd)
scripts_dir=${SCRIPTS_DIR:-$root/engine/src/backends/redis_postgres/redis/scripts}
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }
if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  echo "port $redis_port already answers; set BENCH_REDIS_PORT to a free one" >&2
  exit 1
fi

work=$(mktemp -d)
redis_pid=""
cleanup() {
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  [[ -n $redis_pid ]] && wait "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.%p" \
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" \
  --appendonly yes --appendfsync everysec --auto-aof-rewrite-percentage 0 >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 150); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.2; done

event='{"id":"0190a0b0-0000-7000-8000-000000000000","tenantId":"t1","providerMessageId":"x","channel":"sms","content":"Hello, your order 1234 has shipped and will arrive on Thursday.","rawMetadata":{"from":"+14155550100","to":"+14155550101","metadata":{"campaign":"spring"}},"createdAt":"2026-11-26T15:34:05.123456Z"}'
# The server's concatenation (engine/src/backends/redis_postgres/redis/CMakeLists.txt).
load_script() { redis-cli -p "$redis_port" script load "$(cat "$scripts_dir/token_bucket.lua" "$scripts_dir/admission.lua" "$scripts_dir/$1.lua")"; }
single_sha=$(load_script admit)
batch_sha=$(load_script admit_batch)

# Keys and arguments of admission i (tenants t1..t4 in turn). redis-benchmark
# draws every __rand_int__ of a command anew, so each admission is a new message.
keys_of() { local t=t$(( $1 % 4 + 1 )); echo "mccig:bucket:$t mccig:idem:{$t}dgst__rand_int__ mccig:idem:$t:sms:__rand_int__"; }
args_of() { echo "100000000 100000000 86400 0190a0b000007000"; }
# A call's deadline (microseconds since the epoch) that no run reaches: the
# script runs in full, as it does for a server's call answered in time.
no_deadline=9000000000000000

# Instructions per admission of `calls` calls carrying `per_call` admissions each.
measure() {
  local name=$1 per_call=$2 dump instructions before after
  shift 2
  redis-cli -p "$redis_port" flushall >/dev/null
  redis-benchmark -p "$redis_port" -c 4 -n 200 -r 2000000000 "$@" >/dev/null # warm-up
  before=$(redis-cli -p "$redis_port" xlen mccig:events)
  callgrind_control -z "$redis_pid" >/dev/null 2>&1
  redis-benchmark -p "$redis_port" -c 4 -n "$calls" -r 2000000000 "$@" >/dev/null
  callgrind_control -d "$redis_pid" >/dev/null 2>&1
  after=$(redis-cli -p "$redis_port" xlen mccig:events)
  # A few random keys may repeat (__rand_int__ draws from 2^31), and those
  # copies are duplicates; anything more means the calls did not admit.
  (( (after - before) * 1000 >= calls * per_call * 999 )) \
    || { echo "expected $((calls * per_call)) admissions, the stream grew by $((after - before))" >&2; exit 1; }
  dump=$(ls -t "$work"/callgrind.* | head -1)
  [[ -n ${PROFILE_DIR:-} ]] && mkdir -p "$PROFILE_DIR" && cp "$dump" "$PROFILE_DIR/callgrind.$name"
  instructions=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  echo $(( instructions / (calls * per_call) ))
}

echo "Redis instructions per admission (user space, callgrind, $calls calls each):"
single=$(measure single 1 evalsha "$single_sha" 4 $(keys_of 0) mccig:events $(args_of) "$event" "$no_deadline")
printf '  admit.lua, one per call      %8d\n' "$single"
for size in $sizes; do
  keys=() args=("$no_deadline")
  for i in $(seq 0 $((size - 1))); do
    read -ra k <<<"$(keys_of "$i")"; keys+=("${k[@]}")
    read -ra a <<<"$(args_of)"; args+=("${a[@]}" "$event")
  done
  per=$(measure "batch$size" "$size" evalsha "$batch_sha" $((1 + 3 * size)) mccig:events "${keys[@]}" "${args[@]}")
  printf '  admit_batch.lua, %2d per call %8d  (%.2fx of one per call)\n' "$size" "$per" \
    "$(awk -v p="$per" -v s="$single" 'BEGIN { print p / s }')"
done
