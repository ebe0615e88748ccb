#!/usr/bin/env bash
# Configures and builds the whole tree into build/ (executables in build/bin/).
#   MCCIG_BUILD_TYPE (default RelWithDebInfo), MCCIG_JOBS (default: all cores),
#   MCCIG_WERROR (default ON here: our builds treat warnings as errors; CMake's default is OFF)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MCCIG_BUILD_DIR:-$root/build}
generator=()
command -v ninja >/dev/null && [[ ! -f $build/CMakeCache.txt ]] && generator=(-G Ninja)
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE="${MCCIG_BUILD_TYPE:-RelWithDebInfo}" \
  -DMCCIG_WERROR="${MCCIG_WERROR:-ON}" "$@"
cmake --build "$build" -j "${MCCIG_JOBS:-$(nproc)}"
