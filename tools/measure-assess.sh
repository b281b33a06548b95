#!/usr/bin/env bash
# Runs the assess example in release on a synthetic assessment of N
# respondents (default 100000) and prints the wall time and peak memory of
# each of three runs, with the peak memory as a multiple of the file size.
# Usage: tools/measure-assess.sh [RESPONDENTS]
set -euo pipefail
n=${1:-100000}
file=target/synthetic-$n.json
cargo build --quiet --release --example assess --example synthetic
target/release/examples/synthetic "$n" >"$file"
bytes=$(stat -c %s "$file")
echo "input: $n respondents, $bytes bytes ($file)"
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o target/measure.txt target/release/examples/assess "$file" --format json >/dev/null
  read -r seconds kib <target/measure.txt
  awk -v s="$seconds" -v k="$kib" -v b="$bytes" -v r="$run" \
    'BEGIN { printf "run %d: %.2f s, peak RSS %.1f MB = %.2f x the file size\n", r, s, k * 1024 / 1e6, k * 1024 / b }'
done
