#!/usr/bin/env bash
# Installs what is missing, builds, starts a throwaway Redis and PostgreSQL on
# loopback, runs every test with CTest, and stops the services again.
# Extra arguments go to ctest (e.g. -L unit, -R test_server). A full run
# (no arguments) ends with a short run of the request fuzzer (scripts/fuzz.sh).
#
# --sanitize (first argument): builds with AddressSanitizer and
# UndefinedBehaviorSanitizer into build-sanitize/ and runs the unit and
# integration tests there; any report fails the test that caused it.
# With MCCIG_TEST_REDIS_URL and MCCIG_TEST_DATABASE_URL both set (CI service
# containers), the tests use those servers and none is started here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

build_args=()
fuzz=$(( $# == 0 ))
if [[ ${1:-} == --sanitize ]]; then
  shift
  fuzz=0
  export MCCIG_BUILD_DIR=${MCCIG_BUILD_DIR:-$root/build-sanitize}
  build_args=(-DMCCIG_SANITIZE=ON -DMCCIG_BUILD_DESKTOP=OFF)
  export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  (( $# > 0 )) || set -- -L 'unit|integration'
fi

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "${build_args[@]}"

if [[ -z ${MCCIG_TEST_REDIS_URL:-} || -z ${MCCIG_TEST_DATABASE_URL:-} ]]; then
  trap '"$root/scripts/test-services.sh" stop' EXIT
  eval "$("$root/scripts/test-services.sh" start)"
fi
export QT_QPA_PLATFORM=offscreen

ctest --test-dir "${MCCIG_BUILD_DIR:-$root/build}" --output-on-failure --timeout 600 -j 2 "$@"
if (( fuzz )); then
  "$root/scripts/fuzz.sh" 20
fi
