#!/usr/bin/env bash
# Runs mccig-drain-bench alternately from two builds, in one invocation, so
# both see the same machine: A B A B ... (ROUNDS pairs, default 3), one round
# of 100,000 events each.
#
#   bench/drain/compare.sh /path/to/baseline/build build
#
# Needs the test services (scripts/test-services.sh start); takes their
# addresses from MCCIG_TEST_REDIS_URL / MCCIG_TEST_DATABASE_URL like the
# tests do. Prints one line per run and the ratio B/A of the medians of the
# worker's drain rate; each run's own drain/COPY ratio is printed beside it,
# since the COPY ceiling moves with the machine's load as much as the drain.
set -euo pipefail
source "$(dirname "$0")/../compare_medians.sh"
baseline=${1:?baseline build dir}
candidate=${2:?candidate build dir}
rounds=${ROUNDS:-3}
redis_url=${MCCIG_TEST_REDIS_URL:-redis://127.0.0.1:6391}/6
database_url=${MCCIG_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5441/postgres}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

for round in $(seq "$rounds"); do
  for side in A B; do
    dir=$baseline; [[ $side == B ]] && dir=$candidate
    out=$("$dir/bench/mccig-drain-bench" --rounds 1 --redis-url "$redis_url" --database-url "$database_url" 2>&1) ||
      { echo "$out" >&2; exit 1; }
    line=$(awk -v side="$side" -v round="$round" '
      /^worker drain: / { drain = $3 }
      /^plain COPY: /   { copy = $3 }
      END { printf "%s %s %s %s %.2f\n", side, round, drain, copy, drain / copy }' <<<"$out")
    echo "$line" | tee -a "$results"
  done
done

echo
echo "side round drain_events/s copy_rows/s drain/copy"
cat "$results"
print_medians "$results" "drain events/s"
