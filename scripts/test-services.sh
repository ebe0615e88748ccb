#!/usr/bin/env bash
# Starts or stops a throwaway Redis and PostgreSQL on loopback for the tests.
#   scripts/test-services.sh start   # prints the export lines for the URLs
#   scripts/test-services.sh stop
# State lives under $MCCIG_SERVICES_DIR (default: a folder in /tmp named after
# the checkout, since the postgres user must be able to reach it and a checkout
# may sit below folders it cannot enter). Ports avoid the usual ones so a
# developer's own servers are left alone.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${MCCIG_SERVICES_DIR:-/tmp/mccig-services-$(printf %s "$root" | md5sum | cut -c1-12)}
redis_port=${MCCIG_TEST_REDIS_PORT:-6391}
pg_port=${MCCIG_TEST_PG_PORT:-5441}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# PONG, not just an answer: while Redis loads its append-only file it answers
# -LOADING to everything, and a test's first FLUSHDB would fail.
redis_ready() { [[ $(redis-cli -p "$redis_port" ping 2>/dev/null) == PONG ]]; }

start_redis() {
  mkdir -p "$dir/redis"
  if redis_ready; then return; fi
  redis-server --port "$redis_port" --bind 127.0.0.1 --databases 32 --dir "$dir/redis" --appendonly yes \
    --appendfsync everysec --save "" --daemonize yes \
    --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
  for _ in $(seq 300); do redis_ready && return; sleep 0.1; done
  echo "test-services: redis did not start, see $dir/redis/redis.log" >&2; exit 1
}

start_postgres() {
  mkdir -p "$dir/pg"
  chmod o+x "$dir" 2>/dev/null || true
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir/pg"; fi
  if [[ ! -f $dir/pg/data/PG_VERSION ]]; then
    as_postgres "$pg_bin/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 >"$dir/pg/initdb.log"
  fi
  if as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" status >/dev/null 2>&1; then return; fi
  as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/pg.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/pg -c fsync=off -c max_connections=200" \
    start >/dev/null
}

stop_all() {
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  if [[ -f $dir/pg/data/PG_VERSION ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
}

case ${1:-} in
  start)
    start_redis
    start_postgres
    echo "export MCCIG_TEST_REDIS_URL=redis://127.0.0.1:$redis_port"
    echo "export MCCIG_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres"
    ;;
  stop) stop_all ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
