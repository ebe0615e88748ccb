#!/usr/bin/env bash
# Batched admission against the same server with batching off and against the
# one-call ceiling, alternately in one invocation so all see the same machine:
# each round runs run.sh as the server ships (A: batching, one I/O thread per
# core) and with --admission-batch-max 1 (B: one call per request) on the
# three I/O threads per core that suited one call per request best
# (docs/decisions/0004-io-threads.md); each run.sh also measures the ceiling
# (redis-benchmark on admit.lua) right after its server.
#
#   bench/ingest/batching.sh                 # ROUNDS=3, DURATION=20
#   CAPS="8 16 32 64" bench/ingest/batching.sh   # A is run once per cap instead
#   B_IO_THREADS=2 bench/ingest/batching.sh      # B on another I/O thread count
#
# Takes what run.sh takes (MCCIG_BUILD_DIR, DURATION, BENCH_REDIS_PORT, ...).
set -euo pipefail
rounds=${ROUNDS:-3}
caps=${CAPS:-default}
b_io_threads=${B_IO_THREADS:-$((3 * $(nproc)))}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../compare_medians.sh"
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# One run.sh; prints "SIDE ROUND req/s p50 p99 server_us redis_us rss_mb bytes ceiling ceiling_p99 load1".
measure() {
  local side=$1 round=$2 cap=$3 io_threads=$4 out
  out=$(ADMISSION_BATCH_MAX=${cap#default} IO_THREADS=$io_threads "$here/run.sh" 2>&1)
  awk -v side="$side" -v round="$round" '
    /^server: /      { rps = $2; p50 = $5; p99 = $8; rss = $12 }
    /^cpu\/request: / { server = $3; redis = $6 }
    /^ceiling: /     { ceiling = $2; ceiling_p99 = $8 }
    /^redis memory: / { bytes = $3 }
    /^load: /        { load = $2 }
    END { printf "%s %s %s %s %s %s %s %s %s %s %s %s\n", side, round, rps, p50, p99, server, redis, rss, bytes, ceiling, ceiling_p99, load }' <<<"$out"
}

for round in $(seq "$rounds"); do
  for cap in $caps; do
    measure "A" "$round:$cap" "$cap" "" | tee -a "$results"
  done
  measure "B" "$round" 1 "$b_io_threads" | tee -a "$results"
done

echo
echo "A: batching (cap ${caps}, default I/O threads), B: --admission-batch-max 1 --io-threads $b_io_threads"
echo "side round req/s p50_ms p99_ms server_us/req redis_us/req peak_rss_mb redis_bytes/msg ceiling_calls/s ceiling_p99_ms load1"
cat "$results"
print_medians "$results" "req/s"
awk -v a="$(awk '$1 == "A" { print $3 }' "$results" | median)" -v b="$(awk '$1 == "B" { print $3 }' "$results" | median)" \
  'BEGIN { printf "batching speed-up A/B %.3f (target >= 1.45)\n", a / b }'
ceiling=$(awk '{ print $10 }' "$results" | median)
awk -v c="$ceiling" -v a="$(awk '$1 == "A" { print $3 }' "$results" | median)" \
  'BEGIN { printf "median ceiling %.0f calls/s; batching A / ceiling %.3f\n", c, a / c }'
