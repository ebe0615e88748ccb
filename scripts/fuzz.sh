#!/usr/bin/env bash
# Builds the request fuzzer (clang 16 + libFuzzer, ASan, UBSan) into build-fuzz/
# and runs it for SECONDS (default 20) over the corpus kept in tests/fuzz/corpus.
# New inputs it finds go to a scratch directory, not into the tree;
# MCCIG_FUZZ_MERGE=1 merges them into the tree's corpus afterwards (minimized).
# A finding (crash, sanitizer report, leak) exits non-zero and leaves its input
# in build-fuzz/findings/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
build=${MCCIG_FUZZ_BUILD_DIR:-$root/build-fuzz}
corpus=$root/tests/fuzz/corpus

"$root/scripts/install-deps.sh"
generator=()
command -v ninja >/dev/null && [[ ! -f $build/CMakeCache.txt ]] && generator=(-G Ninja)
CXX=clang++-16 cmake -S "$root/tests/fuzz" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "${MCCIG_JOBS:-$(nproc)}"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/findings"
"$build/request_fuzzer" -max_total_time="$seconds" -max_len=20000 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$build/findings/" -print_final_stats=1 "$scratch" "$corpus"
if [[ ${MCCIG_FUZZ_MERGE:-0} == 1 ]]; then
  "$build/request_fuzzer" -merge=1 -max_len=20000 "$corpus" "$scratch"
fi
echo "fuzz: corpus in the tree: $(ls "$corpus" | wc -l) inputs, $(du -sk "$corpus" | cut -f1) KiB"
