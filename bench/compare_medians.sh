# Sourced by the compare.sh scripts: the summary of an alternating A/B run.
#
#   print_medians RESULTS LABEL
#
# RESULTS holds one line per run, "SIDE ROUND VALUE ..."; prints the median
# VALUE of side A and of side B and their ratio B/A.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

print_medians() {
  local results=$1 label=$2 a b
  a=$(awk '$1 == "A" { print $3 }' "$results" | median)
  b=$(awk '$1 == "B" { print $3 }' "$results" | median)
  awk -v a="$a" -v b="$b" -v label="$label" 'BEGIN { printf "median %s: A %.0f, B %.0f, B/A %.3f\n", label, a, b, b / a }'
}
