#!/usr/bin/env bash
# Compiles every engine source (all of which the console links) for Windows
# with MinGW-w64's g++ (-fsyntax-only), against this machine's Boost,
# hiredis, libpq, OpenSSL, nlohmann-json and simdjson headers. Fails on any
# error or warning located in our own files: POSIX-only code that is not
# guarded. Diagnostics inside those third-party headers are not ours (they
# are configured for glibc) and are ignored. Needs g++-mingw-w64-x86-64-posix.
# MSVC and macOS are checked by the CI workflow only (.github/workflows).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MCCIG_BUILD_DIR:-$root/build}
cd "$root"
compiler=x86_64-w64-mingw32-g++-posix
command -v "$compiler" >/dev/null || {
  echo "check-portability: $compiler missing (apt-get install g++-mingw-w64-x86-64-posix)" >&2; exit 1; }

generated=$build/engine/src/backends/redis_postgres/redis/generated
[[ -f $generated/admission_scripts.h ]] || { echo "check-portability: build the tree first ($generated)" >&2; exit 1; }
arch_include=/usr/include/$(gcc -dumpmachine)
failed=0
checked=0
for source in engine/src/*.cpp engine/src/*/*.cpp engine/src/backends/redis_postgres/*.cpp engine/src/backends/redis_postgres/*/*.cpp; do
  [[ -f $source ]] || continue
  checked=$((checked + 1))
  own=$("$compiler" -std=c++23 -fsyntax-only -Wall -Wextra -Wpedantic \
          -D_WIN32_WINNT=0x0A00 -DNOMINMAX -DWIN32_LEAN_AND_MEAN \
          -Iengine/include -Iengine/src -Iengine/src/backends/redis_postgres/redis -I"$generated" \
          -idirafter /usr/include -idirafter "$arch_include" -idirafter /usr/include/postgresql \
          "$source" 2>&1 | grep -E '^engine/[^:]+:[0-9]+:[0-9]+: (error|warning)' || true)
  if [[ -n $own ]]; then
    echo "$own"
    failed=$((failed + 1))
  fi
done
echo "check-portability: $checked engine sources for Windows (MinGW-w64), $failed with errors in our code"
[[ $failed -eq 0 ]]
