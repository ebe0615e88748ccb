#!/usr/bin/env bash
# HTTPS against plain HTTP, in one invocation so both see the same machine:
# the server (role api, private Redis) is started plain, then with a
# throwaway ECDSA P-256 certificate, then plain again ... (P T P T, ROUNDS
# pairs, default 3), and loaded by wrk each time with:
#   - ingest on keep-alive connections (ingest.lua, $CONNECTIONS of them):
#     what encrypting requests and answers costs;
#   - GET /healthz with a new connection per request (Connection: close):
#     what a full handshake costs, paid on every request by a client that
#     does not reuse its connections.
#
#   bench/ingest/tls.sh          # ROUNDS=3 DURATION=10 CONNECTIONS=64
#
# Prints one line per run, the medians and the ratios TLS / plain. Needs the
# test PostgreSQL (scripts/test-services.sh) for the server's start-up
# migrations, like run.sh, and the openssl command line.
set -euo pipefail

rounds=${ROUNDS:-3}
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
redis_port=${BENCH_REDIS_PORT:-6394}
source "$(dirname "$0")/bench_setup.sh"

make_certificate() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/server.key" -out "$work/server.crt" 2>/dev/null
}

# The server's CPU time so far, in microseconds.
server_cpu_us() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1e6 / t }' "/proc/$server_pid/stat"; }

# Requests wrk made (its "N requests in" line).
requests_in() { awk '/requests in/ { print $1 }' "$1"; }

# Non-2xx answers and socket errors of both phases together.
failures() {
  awk '/^(non2xx|socket_errors) / { n += $2 }
       /^Non-2xx or 3xx responses:/ { n += $NF }
       /^  Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i }
       END { print n + 0 }' "$@"
}

# run_side SIDE ROUND: starts the server plain (P) or with TLS (T), loads it, stops it.
run_side() {
  local side=$1 round=$2 scheme=http flags=()
  if [[ $side == T ]]; then
    scheme=https
    flags=(--tls-cert "$work/server.crt" --tls-key "$work/server.key")
  fi
  start_server -- "${flags[@]}"
  local ingest=$work/ingest-$side$round.txt fresh=$work/fresh-$side$round.txt cpu0 cpu1 cpu2
  cpu0=$(server_cpu_us)
  wrk -t2 -c"$connections" -d"${duration}s" -s "$root/bench/ingest/ingest.lua" "$scheme://127.0.0.1:$port" >"$ingest"
  cpu1=$(server_cpu_us)
  wrk -t2 -c"$connections" -d"$(( duration / 2 + 1 ))s" -H "Connection: close" "$scheme://127.0.0.1:$port/healthz" \
    >"$fresh"
  cpu2=$(server_cpu_us)
  kill "$server_pid"; wait "$server_pid" || true; server_pid=""
  printf '%s %s %s %s %s %s %.1f %s %.1f %s\n' "$side" "$round" \
    "$(awk '/^rps /{print $2}' "$ingest")" "$(awk '/^p50_ms /{print $2}' "$ingest")" \
    "$(awk '/^p99_ms /{print $2}' "$ingest")" "$(failures "$ingest" "$fresh")" \
    "$(awk -v c=$(( cpu1 - cpu0 )) -v n="$(requests_in "$ingest")" 'BEGIN { print c / n }')" \
    "$(awk '/^Requests\/sec:/{printf "%.0f", $2}' "$fresh")" \
    "$(awk -v c=$(( cpu2 - cpu1 )) -v n="$(requests_in "$fresh")" 'BEGIN { print c / n }')" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

make_certificate
start_redis --appendonly no
results=$work/results.txt
for round in $(seq "$rounds"); do
  for side in P T; do
    run_side "$side" "$round" | tee -a "$results"
    redis-cli -p "$redis_port" flushall >/dev/null
  done
done

echo
echo "side round ingest_req/s p50_ms p99_ms failures server_cpu_us/req new_connection_req/s server_cpu_us/req load1"
cat "$results"
# median_of COLUMN SIDE
median_of() { awk -v c="$1" -v s="$2" '$1 == s { print $c }' "$results" | median; }
compare() {
  awk -v n="$1" -v u="$2" -v p="$(median_of "$3" P)" -v t="$(median_of "$3" T)" \
    'BEGIN { printf "median %s: plain %.1f, TLS %.1f %s, TLS/plain %.2f\n", n, p, t, u, t / p }'
}
compare "ingest, keep-alive" "req/s" 3
compare "ingest, keep-alive, server CPU" "us/req" 7
compare "GET /healthz, new connection each" "req/s" 8
compare "GET /healthz, new connection each, server CPU" "us/req" 9
