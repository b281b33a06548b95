#!/usr/bin/env bash
# Looks at the HTML pages and SVG charts the way a person would, and checks
# them with the Nu HTML Checker:
#   - headless Chromium (Debian's chromium) opens every example's page, the
#     progress page (with and without an action plan), the plan's own page,
#     a 30-agency network's page and the example cohort's (with a focus and
#     without), takes a screenshot and prints it to PDF (A4), and takes
#     screenshots of the network charts;
#   - tools/check-render.py checks each screenshot is not blank, each PDF
#     has the pages it should, and every SVG parses as XML;
#   - the Nu HTML Checker (npm's vnu-jar, on Java) reports no error.
# Installs what it needs (Debian packages, npm and PyPI packages) into the
# machine and a scratch directory.
# Usage: tools/check-html.sh   (from the repository root)
set -euo pipefail
root=$(pwd)
work=${CHECK_HTML_DIR:-$(mktemp -d)}
out="$work/pages"
rm -rf "$out"
mkdir -p "$out"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v java >/dev/null || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "==> pages and charts"
assess() { cargo run --quiet --example assess -- "$@"; }
for file in examples/data/*.json tests/data/hostile.json; do
  name=$(basename "$file" .json)
  assess "$file" --format html >"$out/$name.html"
  assess "$file" --format svg >"$out/$name.svg"
done
# Thirty agencies answering about each other: the network's matrix at the
# size of a real partnership.
cargo run --quiet --example synthetic -- --agencies 30 >"$work/network-30.json"
assess "$work/network-30.json" --format html >"$out/network-30.html"
assess "$work/network-30.json" --format svg >"$out/network-30.svg"
assess examples/data/early-years-network-2027.json --since examples/data/early-years-network.json \
  --format html >"$out/progress.html"
assess examples/data/early-years-network-2027.json --since examples/data/early-years-network.json \
  --format svg >"$out/progress.svg"
# The progress page with the action plan reviewed, and the plan's own page.
assess examples/data/early-years-network-2027.json --since examples/data/early-years-network.json \
  --plan examples/plans/early-years-network-plan.json --format html >"$out/progress-plan.html"
assess examples/data/early-years-network.json --plan-template --format html >"$out/plan-template.html"
# The example cohort, with a focus and without.
cohort() { cargo run --quiet --example cohort -- "$@"; }
for format in html svg; do
  cohort examples/cohort --format "$format" >"$out/cohort.$format"
  cohort examples/cohort --focus examples/cohort/fernhill.json --format "$format" >"$out/cohort-focus.$format"
done

echo "==> screenshots and PDFs (headless Chromium)"
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
        --disable-background-networking --disable-component-update --disable-sync
        --user-data-dir="$work/chromium-profile")
for page in "$out"/*.html; do
  base=${page%.html}
  timeout 120 "${chrome[@]}" --window-size=1000,1400 --screenshot="$base.png" "file://$page" 2>/dev/null
  timeout 120 "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$base.pdf" "file://$page" 2>/dev/null
  timeout 120 "${chrome[@]}" --window-size=390,844 --screenshot="$base.phone.png" "file://$page" 2>/dev/null
done
# The charts with a network, as a person sees them on their own.
for chart in "$out"/network-30.svg "$out"/early-years-network-2027.svg; do
  timeout 120 "${chrome[@]}" --window-size=620,1700 --screenshot="${chart%.svg}.chart.png" "file://$chart" 2>/dev/null
done

echo "==> screenshots not blank, PDF pages, SVG well-formed"
cd "$work"
[ -d venv ] || python3 -m venv venv
venv/bin/pip install --quiet pillow pypdf
venv/bin/python "$root/tools/check-render.py" "$out"

echo "==> Nu HTML Checker"
[ -f package.json ] || npm init -y >/dev/null
npm install --silent vnu-jar@latest >/dev/null
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only "$out"/*.html
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --svg "$out"/*.svg
echo "the Nu HTML Checker reports no error on $(ls "$out"/*.html | wc -l) pages and $(ls "$out"/*.svg | wc -l) charts"
