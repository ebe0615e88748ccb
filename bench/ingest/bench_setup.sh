# Sourced by run.sh and instructions.sh: a private Redis on $redis_port (set
# before sourcing), the bench database in the test PostgreSQL, and the server
# under test with four tenants whose buckets never throttle. Everything it
# starts is stopped on exit.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${MCCIG_BUILD_DIR:-$root/build}
server_bin=$build/bin/mccig-server
admin_url=${MCCIG_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5441/postgres}
database_url=${admin_url%/*}/mccig_bench
work=$(mktemp -d)
server_pid=""
# The backend and role of the server under test; backends.sh swaps in the embedded one.
backend_args=(--role api --redis-url "redis://127.0.0.1:$redis_port/0" --database-url "$database_url")

cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -x $server_bin ]] || { echo "no server binary at $server_bin (set MCCIG_BUILD_DIR)" >&2; exit 1; }

# start_redis [redis-server flags...]
start_redis() {
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save "" "$@" \
    --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  psql "$admin_url" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'mccig_bench'" | grep -q 1 \
    || psql "$admin_url" -qc "CREATE DATABASE mccig_bench"
}

# start_server [launcher...] -- [server flags...]; sets server_pid and port.
start_server() {
  local launcher=()
  while [[ $# -gt 0 && $1 != -- ]]; do launcher+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  # No grace on SIGTERM; a baseline build for compare.sh may predate the flag.
  local grace=()
  "$server_bin" --help | grep -q -- --shutdown-grace && grace=(--shutdown-grace 0)
  "${launcher[@]}" "$server_bin" --listen 127.0.0.1:0 "${grace[@]}" "${backend_args[@]}" \
    --api-keys t1:bench-key-t1,t2:bench-key-t2,t3:bench-key-t3,t4:bench-key-t4 \
    --rate-limit 100000000:100000000 "$@" >"$work/server.out" 2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 300); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.2; done
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out")
  [[ -n $port ]] || { cat "$work/server.log" >&2; exit 1; }
}
