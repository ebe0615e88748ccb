#!/usr/bin/env bash
# Ingest throughput of mccig-server against its ceiling, the same admission
# script driven straight at Redis by redis-benchmark.
#
#   bench/ingest/run.sh            # uses build/bin/mccig-server
#   MCCIG_BUILD_DIR=/path/to/build DURATION=20 REDIS_AOF=no IO_THREADS=2 bench/ingest/run.sh
#   ADMISSION_BATCH_MAX=1 bench/ingest/run.sh   # the server's --admission-batch-max (1: batching off)
#
# Starts a private Redis (port $BENCH_REDIS_PORT, default 6397) and the server
# (role api: the worker would compete for the same cores), runs wrk with 64
# connections, then redis-benchmark -c 64 with EVALSHA of admit.lua (one
# admission per call, as the server without batching sends). Needs the
# test PostgreSQL (scripts/test-services.sh) for the server's start-up
# migrations; $MCCIG_TEST_DATABASE_URL overrides its address.
set -euo pipefail

duration=${DURATION:-20}
connections=${CONNECTIONS:-64}
redis_port=${BENCH_REDIS_PORT:-6397}
source "$(dirname "$0")/bench_setup.sh"
scripts_dir=$root/engine/src/backends/redis_postgres/redis/scripts

start_redis --appendonly "${REDIS_AOF:-yes}" --appendfsync everysec --auto-aof-rewrite-percentage 0
start_server -- ${IO_THREADS:+--io-threads "$IO_THREADS"} \
  ${ADMISSION_BATCH_MAX:+--admission-batch-max "$ADMISSION_BATCH_MAX"}
used_memory() { redis-cli -p "$redis_port" info memory | awk -F: '/^used_memory:/{print $2 + 0}'; }
memory_before=$(used_memory)
io_threads=$(grep -o '"ioThreads":[0-9]*' "$work/server.log" | cut -d: -f2)

echo "== wrk: $connections connections, ${duration}s, sms/chat/voice over 4 tenants"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/ingest/ingest.lua" \
  "http://127.0.0.1:$port" | tee "$work/wrk.txt"
server_rps=$(awk '/^rps /{print $2}' "$work/wrk.txt")
p50=$(awk '/^p50_ms /{print $2}' "$work/wrk.txt")
p99=$(awk '/^p99_ms /{print $2}' "$work/wrk.txt")
rss_kb=$(awk '/^VmHWM/{print $2}' "/proc/$server_pid/status")
ticks=$(getconf CLK_TCK)
server_cpu_s=$(awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$server_pid/stat")
redis_cpu_s=$(redis-cli -p "$redis_port" info cpu | awk -F: '/^used_cpu_(sys|user):/{s += $2} END {print s}')
requests_done=$(awk '/requests in/{print $1}' "$work/wrk.txt")
accepted=$(redis-cli -p "$redis_port" xlen mccig:events)
memory_after=$(used_memory)

# The HTTP layer alone (no Redis call), for comparison.
echo "== wrk: GET /healthz, $connections connections, 5s"
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/healthz" | tee "$work/healthz.txt"
healthz_rps=$(awk '/^Requests\/sec:/{print $2}' "$work/healthz.txt")

grep -iE "fsync|rewrit|latency" "$work/redis.log" | tail -5 || true

kill "$server_pid"; wait "$server_pid" || true; server_pid=""
redis-cli -p "$redis_port" flushall >/dev/null

echo "== redis-benchmark: EVALSHA admit.lua, $connections connections"
# The same concatenation the server embeds (see engine/src/backends/redis_postgres/redis/CMakeLists.txt).
sha=$(redis-cli -p "$redis_port" script load "$(cat "$scripts_dir/token_bucket.lua" "$scripts_dir/admission.lua" "$scripts_dir/admit.lua")")
event='{"id":"0190a0b0-0000-7000-8000-000000000000","tenantId":"t1","providerMessageId":"x","channel":"sms","content":"Hello, your order 1234 has shipped and will arrive on Thursday.","rawMetadata":{"from":"+14155550100","to":"+14155550101","metadata":{"campaign":"spring"}},"createdAt":"2026-11-26T15:34:05.123456Z"}'
requests=$(( ${server_rps%.*} * duration / 2 + 100000 ))
# -r: redis-benchmark draws __rand_int__ with random(), so a keyspace beyond
# 2^31 silently yields one key (every call after the first a duplicate).
# The idempotency record key is the prefix and a 16-byte digest, as the server's
# (here 4 fixed bytes and __rand_int__'s 12 digits); the event id its 16 bytes;
# the call's deadline one that no run reaches (microseconds since the epoch).
redis-benchmark -p "$redis_port" -c "$connections" -n "$requests" -r 2000000000 \
  evalsha "$sha" 4 mccig:bucket:t1 "mccig:idem:{t1}dgst__rand_int__" "mccig:idem:t1:sms:__rand_int__" mccig:events \
  100000000 100000000 86400 0190a0b000007000 "$event" 9000000000000000 | tr '\r' '\n' \
  | sed -n '/^Summary:/,$p' | tee "$work/redis.txt"
ceiling=$(awk '/throughput summary:/ {print $3}' "$work/redis.txt")
# The row under "avg min p50 p95 p99 max".
ceiling_p50=$(awk '/avg +min +p50/ {getline; print $3}' "$work/redis.txt")
ceiling_p99=$(awk '/avg +min +p50/ {getline; print $5}' "$work/redis.txt")
ceiling_accepted=$(redis-cli -p "$redis_port" xlen mccig:events)

echo
echo "== summary"
printf 'server:      %s req/s  p50 %s ms  p99 %s ms  peak RSS %d MB  (%s events queued)\n' \
  "$server_rps" "$p50" "$p99" $(( rss_kb / 1024 )) "$accepted"
awk -v s="$server_cpu_s" -v r="$redis_cpu_s" -v n="$requests_done" \
  'BEGIN { printf "cpu/request: server %.1f us, redis %.1f us\n", s * 1e6 / n, r * 1e6 / n }'
awk -v b="$memory_before" -v a="$memory_after" -v n="$accepted" \
  'BEGIN { printf "redis memory: %.0f bytes per accepted message (used_memory, stream included)\n", (a - b) / n }'
printf 'io threads:  %s\n' "$io_threads"
printf 'http only:   %s req/s (GET /healthz)\n' "$healthz_rps"
printf 'load:        %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'ceiling:     %s EVALSHA/s  p50 %s ms  p99 %s ms  (redis-benchmark -c %s; %s of %s calls accepted)\n' \
  "$ceiling" "$ceiling_p50" "$ceiling_p99" "$connections" "$ceiling_accepted" "$requests"
awk -v s="$server_rps" -v c="$ceiling" 'BEGIN { printf "ratio:       %.2fx of the ceiling (target >= 0.6x)\n", s / c }'
