#!/usr/bin/env bash
# Runs the assess example in release on synthetic responses of N
# respondents (default 100000) and prints the wall time and peak memory of
# each of three runs, with the peak memory as a multiple of the file size.
# FORMAT is json (default: an assessment document) or a survey export read
# with a partnership document: csv, google-forms, qualtrics, surveymonkey,
# xlsx.
# Usage: tools/measure-assess.sh [RESPONDENTS [FORMAT]]
set -euo pipefail
n=${1:-100000}
format=${2:-json}
cargo build --quiet --release --example assess --example synthetic
case "$format" in
  json)
    file=target/synthetic-$n.json
    args=("$file")
    ;;
  *)
    file=target/synthetic-$n.$format
    partnership=target/synthetic-partnership.json
    target/release/examples/synthetic --partnership >"$partnership"
    args=("$partnership" --responses "$file"
      --column "agency=Which agency do you work for?" --column "role=What is your role?")
    if [ "$format" = csv ]; then
      args=("$partnership" --responses "$file")
    fi
    ;;
esac
target/release/examples/synthetic "$n" "$format" >"$file"
bytes=$(stat -c %s "$file")
echo "input: $n respondents, $bytes bytes ($file)"
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o target/measure.txt target/release/examples/assess "${args[@]}" --format json >/dev/null
  read -r seconds kib <target/measure.txt
  awk -v s="$seconds" -v k="$kib" -v b="$bytes" -v r="$run" \
    'BEGIN { printf "run %d: %.2f s, peak RSS %.1f MB = %.2f x the file size\n", r, s, k * 1024 / 1e6, k * 1024 / b }'
done
