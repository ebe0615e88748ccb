#!/usr/bin/env bash
# Installs what is missing, builds, starts a throwaway Redis and PostgreSQL on
# loopback, runs every test with CTest, and stops the services again.
# Extra arguments go to ctest (e.g. -L unit, -R test_server).
# With MCCIG_TEST_REDIS_URL and MCCIG_TEST_DATABASE_URL both set (CI service
# containers), the tests use those servers and none is started here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

if [[ -z ${MCCIG_TEST_REDIS_URL:-} || -z ${MCCIG_TEST_DATABASE_URL:-} ]]; then
  trap '"$root/scripts/test-services.sh" stop' EXIT
  eval "$("$root/scripts/test-services.sh" start)"
fi
export QT_QPA_PLATFORM=offscreen

ctest --test-dir "${MCCIG_BUILD_DIR:-$root/build}" --output-on-failure --timeout 600 -j 2 "$@"
