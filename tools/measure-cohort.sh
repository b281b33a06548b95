#!/usr/bin/env bash
# Runs the cohort example in release on a synthetic cohort of PARTNERSHIPS
# partnerships (default 1000) of RESPONDENTS respondents each (default 100),
# one file each, and prints the wall time and peak memory of each of three
# runs, then of a run on a cohort of a tenth as many partnerships, to show
# how memory grows with partnerships.
# Usage: tools/measure-cohort.sh [PARTNERSHIPS [RESPONDENTS]]
set -euo pipefail
n=${1:-1000}
respondents=${2:-100}
cargo build --quiet --release --example cohort --example synthetic
measure() {
  local dir=$1 runs=$2
  rm -rf "$dir"
  target/release/examples/synthetic --cohort "$3" "$respondents" "$dir"
  local bytes files
  bytes=$(du -sb "$dir" | cut -f1)
  files=$(ls "$dir" | wc -l)
  echo "input: $files partnerships of $respondents respondents, $bytes bytes ($dir)"
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -v -o target/measure-cohort.txt \
      target/release/examples/cohort "$dir" --focus "$dir/partnership-00000.json" --format json >/dev/null
    seconds=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' target/measure-cohort.txt |
      awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' target/measure-cohort.txt)
    awk -v s="$seconds" -v k="$kib" -v r="$run" \
      'BEGIN { printf "run %d: %.2f s wall, peak RSS %.1f MB\n", r, s, k * 1024 / 1e6 }'
  done
}
measure "target/cohort-$n" 3 "$n"
measure "target/cohort-$((n / 10))" 1 "$((n / 10))"
