#!/usr/bin/env bash
# Each provider webhook route against POST /v1/ingest/sms, in one invocation
# so all see the same machine: for each of ROUNDS rounds (default 3) the
# routes take turns (ingest, twilio, ingest-as-twilio, whatsapp,
# ingest-as-whatsapp, standard: make_requests.mjs says what each is), each on a fresh
# server (role api, private Redis) loaded by wrk for DURATION seconds
# (default 5) on CONNECTIONS keep-alive connections (default 64).
#
#   bench/webhooks/run.sh        # ROUNDS=3 DURATION=5 CONNECTIONS=64 REQUESTS=150000
#
# Every request is a message never sent before, signed as its provider signs
# (make_requests.mjs writes REQUESTS of them per run before the clock starts,
# so the load generator only sends bytes: the same replay.lua for every
# route). One admission per request on every route: a WhatsApp delivery
# carries one message. `admitted` is the length of the event stream after the
# run: equal to `requests` when every request was a new admission.
#
# Prints one line per run, the medians per route and each route's ratio to
# /v1/ingest/sms. Needs the test PostgreSQL (scripts/test-services.sh) for
# the server's start-up migrations, like bench/ingest/run.sh, and node.
set -euo pipefail

rounds=${ROUNDS:-3}
duration=${DURATION:-5}
connections=${CONNECTIONS:-64}
count=${REQUESTS:-150000}
redis_port=${BENCH_REDIS_PORT:-6392}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../ingest/bench_setup.sh"

routes=(ingest twilio ingest-as-twilio whatsapp ingest-as-whatsapp standard)

# The server's CPU time so far, in microseconds.
server_cpu_us() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1e6 / t }' "/proc/$server_pid/stat"; }

# The secrets make_requests.mjs signs with, for the four tenants of bench_setup.sh.
store_secrets() {
  local tenant
  for tenant in t1 t2 t3 t4; do
    echo bench-twilio-token | "$server_bin" webhooks set "$tenant" twilio --redis-url "redis://127.0.0.1:$redis_port/0" >/dev/null 2>&1
    echo bench-app-secret | "$server_bin" webhooks set "$tenant" whatsapp --redis-url "redis://127.0.0.1:$redis_port/0" >/dev/null 2>&1
    echo whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw \
      | "$server_bin" webhooks set "$tenant" standard --redis-url "redis://127.0.0.1:$redis_port/0" >/dev/null 2>&1
  done
}

# run_route ROUTE ROUND: fresh requests, a fresh store and server, one wrk run.
run_route() {
  local route=$1 round=$2 out=$work/$1-$2.txt cpu0 cpu1
  node "$here/make_requests.mjs" "$route" "$count" "$work/requests"
  redis-cli -p "$redis_port" flushall >/dev/null
  store_secrets
  start_server -- --public-url https://bench.example
  cpu0=$(server_cpu_us)
  wrk -t2 -c"$connections" -d"${duration}s" -s "$here/replay.lua" "http://127.0.0.1:$port" -- "$work/requests" >"$out"
  cpu1=$(server_cpu_us)
  kill "$server_pid"; wait "$server_pid" || true; server_pid=""
  local requests
  requests=$(awk '/^requests /{print $2}' "$out")
  printf '%s %s %s %s %s %s %s %s %.1f %s\n' "$route" "$round" \
    "$(awk '/^rps /{print $2}' "$out")" "$(awk '/^p50_ms /{print $2}' "$out")" "$(awk '/^p99_ms /{print $2}' "$out")" \
    "$(awk '/^non2xx /{print $2}' "$out")" "$requests" "$(redis-cli -p "$redis_port" xlen mccig:events)" \
    "$(awk -v c=$(( cpu1 - cpu0 )) -v n="$requests" 'BEGIN { print c / n }')" "$(cut -d' ' -f1 /proc/loadavg)"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The private Redis must be ours: its cleanup shuts down whatever answers on the port.
if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  echo "a Redis already answers on port $redis_port; set BENCH_REDIS_PORT to a free one" >&2
  trap - EXIT; rm -rf "$work"
  exit 1
fi
start_redis --appendonly no
results=$work/results.txt
for round in $(seq "$rounds"); do
  for route in "${routes[@]}"; do
    run_route "$route" "$round" | tee -a "$results"
  done
done

echo
echo "route round req/s p50_ms p99_ms non2xx requests admitted server_cpu_us/req load1"
cat "$results"
# median_of COLUMN ROUTE
median_of() { awk -v c="$1" -v r="$2" '$1 == r { print $c }' "$results" | median; }
# The baseline of each route: /v1/ingest/sms, and for twilio and whatsapp
# also /v1/ingest with the same body the delivery is mapped to.
for route in "${routes[@]}"; do
  for base in ingest "ingest-as-$route"; do
    grep -q "^$base " "$results" || continue
    awk -v r="$route" -v b="$base" -v rps="$(median_of 3 "$route")" -v baserps="$(median_of 3 "$base")" \
      -v p99="$(median_of 5 "$route")" -v cpu="$(median_of 9 "$route")" -v basecpu="$(median_of 9 "$base")" \
      'BEGIN { printf "median %-18s %7.0f req/s  p99 %6.2f ms  %5.1f us CPU/req   vs %-18s %.2fx throughput, %.2fx CPU\n",
               r, rps, p99, cpu, b ":", rps / baserps, cpu / basecpu }'
  done
done
