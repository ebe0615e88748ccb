#!/usr/bin/env bash
# Installs what is missing, builds, and runs mccig-server on
# http://127.0.0.1:8080 with a demo tenant. Ctrl-C stops it all.
#
# By default on the embedded backend: no Redis, no PostgreSQL, the data in the
# user's data folder (~/.local/share/mccig; MCCIG_DATA_DIR overrides).
# --redis-postgres (first argument): starts a local Redis and PostgreSQL and
# runs on them instead.
#   MCCIG_LISTEN, MCCIG_API_KEYS, MCCIG_ADMIN_KEY override the demo settings;
#   other arguments go to mccig-server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

if [[ ${1:-} == --redis-postgres ]]; then
  shift
  export MCCIG_SERVICES_DIR=${MCCIG_SERVICES_DIR:-/tmp/mccig-local-$(printf %s "$root" | md5sum | cut -c1-12)}
  export MCCIG_TEST_REDIS_PORT=${MCCIG_REDIS_PORT:-6392}
  export MCCIG_TEST_PG_PORT=${MCCIG_PG_PORT:-5442}
  trap '"$root/scripts/test-services.sh" stop' EXIT
  eval "$("$root/scripts/test-services.sh" start)"
  export MCCIG_REDIS_URL=$MCCIG_TEST_REDIS_URL
  export MCCIG_DATABASE_URL=$MCCIG_TEST_DATABASE_URL
fi

export MCCIG_API_KEYS=${MCCIG_API_KEYS:-demo:demo-key,other:other-key}
export MCCIG_ADMIN_KEY=${MCCIG_ADMIN_KEY:-admin-key}
echo "tenant key: $MCCIG_API_KEYS   admin key: $MCCIG_ADMIN_KEY" >&2
"$root/build/bin/mccig-server" "$@"
