#!/usr/bin/env bash
# Runs run.sh alternately against two builds, in one invocation, so both see
# the same machine: A B A B ... (ROUNDS pairs, default 3).
#
#   bench/ingest/compare.sh /path/to/baseline/build build
#
# Prints one line per run and the ratio B/A of the medians. Takes what
# run.sh takes (DURATION, CONNECTIONS, BENCH_REDIS_PORT, ...).
set -euo pipefail
baseline=${1:?baseline build dir}
candidate=${2:?candidate build dir}
rounds=${ROUNDS:-3}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../compare_medians.sh"
results=$(mktemp)
trap 'rm -f "$results"' EXIT

for round in $(seq "$rounds"); do
  for side in A B; do
    dir=$baseline; [[ $side == B ]] && dir=$candidate
    out=$(MCCIG_BUILD_DIR=$dir "$here/run.sh" 2>&1)
    line=$(awk -v side="$side" -v round="$round" '
      /^server: /      { rps = $2; p50 = $5; p99 = $8 }
      /^http only: /   { healthz = $3 }
      /^ratio: /       { ratio = $2 }
      /^load: /        { load = $2 }
      END { printf "%s %s %s %s %s %s %s %s\n", side, round, rps, p50, p99, healthz, ratio, load }' <<<"$out")
    echo "$line" | tee -a "$results"
  done
done

echo
echo "side round req/s p50_ms p99_ms healthz_req/s ratio_to_ceiling load1"
cat "$results"
print_medians "$results" "req/s"
