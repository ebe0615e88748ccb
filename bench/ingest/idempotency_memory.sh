#!/usr/bin/env bash
# Redis memory per idempotency record (docs/operations.md, "Redis memory"):
# drives the admission script (admit.lua, as the server sends a lone request)
# straight at a private Redis with redis-benchmark, N admissions of new
# messages, and reads INFO memory before, after, and after deleting the
# stream, so the records and the queued events are reported apart. The same
# invocation then writes N records in the text layout older versions used
# (plain SET), for comparison.
#
#   bench/ingest/idempotency_memory.sh           # N=1000000, BENCH_REDIS_PORT=6414
#
# Needs redis-server and redis-benchmark; no server, no PostgreSQL.
set -euo pipefail

n=${N:-1000000}
redis_port=${BENCH_REDIS_PORT:-6414}
root=$(cd "$(dirname "$0")/../.." && pwd)
scripts_dir=$root/engine/src/backends/redis_postgres/redis/scripts
work=$(mktemp -d)
cleanup() {
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  echo "port $redis_port already answers; set BENCH_REDIS_PORT to a free one" >&2
  exit 1
fi
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

used_memory() { redis-cli -p "$redis_port" info memory | awk -F: '/^used_memory:/{print $2 + 0}'; }
keys() { redis-cli -p "$redis_port" dbsize; }
# -r: __rand_int__ is 12 digits below 2^31 (redis-benchmark draws it with random()).
benchmark() { redis-benchmark -p "$redis_port" -c 16 -n "$n" -r 2000000000 -q "$@" >/dev/null 2>&1; }

# The concatenation the server embeds (engine/src/backends/redis_postgres/redis/CMakeLists.txt).
sha=$(redis-cli -p "$redis_port" script load "$(cat "$scripts_dir/token_bucket.lua" "$scripts_dir/admission.lua" "$scripts_dir/admit.lua")")
event='{"id":"0190a0b0-0000-7000-8000-000000000000","tenantId":"t1","providerMessageId":"x","channel":"sms","content":"Hello, your order 1234 has shipped and will arrive on Thursday.","rawMetadata":{"from":"+14155550100","to":"+14155550101","metadata":{"campaign":"spring"}},"createdAt":"2026-11-26T15:34:05.123456Z"}'
# A deadline (microseconds since the epoch) no call reaches: each runs in full.
no_deadline=9000000000000000
admit() {
  # The record key as the server writes it: prefix, tenant hash tag, 16 bytes
  # (here 4 fixed and __rand_int__'s 12); the event id as its 16 bytes.
  redis-cli -p "$redis_port" evalsha "$sha" 4 mccig:bucket:t1 "mccig:idem:{t1}dgst$1" "mccig:idem:t1:sms:$1" \
    mccig:events 100000000 100000000 86400 0190a0b000007000 "$event" "$no_deadline" >/dev/null
}
admit warm-up  # the bucket, the stream and the script exist before the count starts
before=$(used_memory)
keys_before=$(keys)
echo "== $n admissions (admit.lua, one per call, 16 connections)"
benchmark evalsha "$sha" 4 mccig:bucket:t1 "mccig:idem:{t1}dgst__rand_int__" "mccig:idem:t1:sms:__rand_int__" \
  mccig:events 100000000 100000000 86400 0190a0b000007000 "$event" "$no_deadline"
after=$(used_memory)
records=$(( $(keys) - keys_before ))
queued=$(( $(redis-cli -p "$redis_port" xlen mccig:events) - 1 ))
redis-cli -p "$redis_port" del mccig:events >/dev/null
without_stream=$(used_memory)
sample=$(redis-cli -p "$redis_port" randomkey)
sample_bytes=$(redis-cli -p "$redis_port" memory usage "$sample")

redis-cli -p "$redis_port" flushall >/dev/null
text_before=$(used_memory)
echo "== $n records in the text layout (SET mccig:idem:{tenant}:{channel}:{id} <id as text> EX 86400)"
benchmark set "mccig:idem:t1:sms:SM__rand_int__" 0190a0b0-0000-7000-8000-000000000000 EX 86400
text_after=$(used_memory)
text_records=$(keys)

echo
echo "== summary (used_memory, Redis $(redis-server --version | grep -o 'v=[0-9.]*'), $(cut -d' ' -f1-3 /proc/loadavg) load)"
awk -v b="$before" -v s="$without_stream" -v n="$records" -v m="$sample_bytes" \
  'BEGIN { printf "compact records:   %d records, %.1f bytes each (MEMORY USAGE of one: %d)\n", n, (s - b) / n, m }'
awk -v s="$without_stream" -v a="$after" -v q="$queued" \
  'BEGIN { printf "queued events:     %d entries, %.1f bytes each (the stream, until the worker trims it)\n", q, (a - s) / q }'
awk -v b="$text_before" -v a="$text_after" -v n="$text_records" \
  'BEGIN { printf "text records:      %d records, %.1f bytes each (the layout before)\n", n, (a - b) / n }'
