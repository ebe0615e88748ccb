#!/usr/bin/env bash
# Ingest on the embedded backend beside Redis + PostgreSQL, in one invocation
# so both see the same machine: R E R E ... (ROUNDS pairs, default 3). Both
# servers run --role all (the embedded backend has no other), so each also
# drains what it takes in, as a single-machine deployment would.
#
#   bench/ingest/backends.sh            # DURATION=20 CONNECTIONS=64 ROUNDS=3
#
# Prints req/s, p99 and peak RSS per run and the medians' ratio embedded /
# Redis + PostgreSQL. Needs the test PostgreSQL (scripts/test-services.sh).
set -euo pipefail

duration=${DURATION:-20}
connections=${CONNECTIONS:-64}
rounds=${ROUNDS:-3}
redis_port=${BENCH_REDIS_PORT:-6397}
source "$(dirname "$0")/bench_setup.sh"
results=$work/results.txt

start_redis --appendonly yes --appendfsync everysec --auto-aof-rewrite-percentage 0

run_one() { # side
  local side=$1
  if [[ $side == embedded ]]; then
    backend_args=(--data-dir "$work/data-$round")
  else
    redis-cli -p "$redis_port" flushall >/dev/null
    psql "$admin_url" -qc "DROP DATABASE IF EXISTS mccig_bench" -c "CREATE DATABASE mccig_bench"
    backend_args=(--role all --redis-url "redis://127.0.0.1:$redis_port/0" --database-url "$database_url")
  fi
  start_server
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/ingest/ingest.lua" \
    "http://127.0.0.1:$port" >"$work/wrk.txt"
  local rps p99 rss_kb
  rps=$(awk '/^rps /{print $2}' "$work/wrk.txt")
  p99=$(awk '/^p99_ms /{print $2}' "$work/wrk.txt")
  rss_kb=$(awk '/^VmHWM/{print $2}' "/proc/$server_pid/status")
  kill "$server_pid"; wait "$server_pid" || true; server_pid=""
  printf '%s %s %s %s %s %s\n' "$side" "$round" "$rps" "$p99" $(( rss_kb / 1024 )) \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results"
}

echo "side round req/s p99_ms peak_rss_MB load1"
for round in $(seq "$rounds"); do
  run_one redis-postgres
  run_one embedded
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
names=([3]=req/s [4]=p99_ms [5]=peak_rss_MB)
for column in 3 4 5; do
  r=$(awk -v c="$column" '$1 == "redis-postgres" { print $c }' "$results" | median)
  e=$(awk -v c="$column" '$1 == "embedded" { print $c }' "$results" | median)
  name=${names[$column]}
  awk -v n="$name" -v r="$r" -v e="$e" 'BEGIN { printf "median %s: redis+postgres %s, embedded %s, embedded/redis+postgres %.2f\n", n, r, e, e / r }'
done
