#!/usr/bin/env bash
# Times the same N commune documents made three ways and prints the ratios:
#   (a) vanban batch (PDF), in process, with 1 and 2 workers;
#   (b) the typst command line run once per document on the same layout, input JSON and fonts, one
#       document at a time and two at a time;
#   (c) LibreOffice converting vanban's DOCX files of the same documents to PDF, in one soffice call.
# Needs: soffice (libreoffice-writer-nogui), and typst 0.15.1 on PATH or in $TYPST
# (cargo install --locked typst-cli --version 0.15.1). Usage: scripts/compare.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
typst=${TYPST:-typst}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q
bench=$(cargo bench --no-run -q --bench batch --message-format=json | python3 -c '
import json, sys
for m in map(json.loads, sys.stdin):
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "batch" and m.get("executable"):
        print(m["executable"])')
[[ -x $bench ]] || { echo "compare.sh: the batch benchmark did not build" >&2; exit 1; }
"$bench" plan "$n" "$work/plan.json"
"$bench" inputs "$work/plan.json" "$work/inputs"

seconds() { local start=$1; python3 -c "import time; print(f'{time.time() - $start:.2f}')"; }
now() { python3 -c 'import time; print(time.time())'; }

job=samples/cam-xuyen-2021/cong-van-2402-xa.toml
t=$(now); target/release/vanban batch "$job" --data "$work/plan.json" -o "$work/a1" -j 1 -q --format pdf 2>/dev/null; a1=$(seconds "$t")
t=$(now); target/release/vanban batch "$job" --data "$work/plan.json" -o "$work/a2" -j 2 -q --format pdf 2>/dev/null; a2=$(seconds "$t")
target/release/vanban batch "$job" --data "$work/plan.json" -o "$work/docx" -j 2 -q --format docx 2>/dev/null

# The typst command line gets the same fonts as vanban places them (see the benchmark's `inputs`).
compile() { "$typst" compile --root "$1" --font-path "$work/inputs/fonts" --ignore-system-fonts "$1/nd30.typ" "$1/out.pdf"; }
export -f compile; export typst work
t=$(now)
for dir in "$work"/inputs/[0-9]*/; do compile "$dir"; done
b1=$(seconds "$t")
t=$(now)
printf '%s\n' "$work"/inputs/[0-9]*/ | xargs -P 2 -I{} bash -c 'compile "$1"' _ {}
b2=$(seconds "$t")

t=$(now); HOME="$work" soffice --headless --convert-to pdf --outdir "$work/lo" "$work"/docx/*.docx >/dev/null 2>&1; c=$(seconds "$t")

python3 - "$n" "$a1" "$a2" "$b1" "$b2" "$c" <<'PY'
import sys
n, a1, a2, b1, b2, c = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"{n} documents (letter + the commune's annexes)")
print(f"(a) vanban batch, PDF, -j1:          {a1:7.2f} s  {a1 / n * 1e3:6.1f} ms/document")
print(f"(a) vanban batch, PDF, -j2:          {a2:7.2f} s  {a2 / n * 1e3:6.1f} ms/document")
print(f"(b) typst CLI per document:          {b1:7.2f} s  {b1 / n * 1e3:6.1f} ms/document  = {b1 / a1:.1f}x vanban -j1")
print(f"(b) typst CLI per document, 2 at once: {b2:5.2f} s  {b2 / n * 1e3:6.1f} ms/document  = {b2 / a2:.1f}x vanban -j2")
print(f"(c) LibreOffice DOCX->PDF, one call: {c:7.2f} s  {c / n * 1e3:6.1f} ms/document  = {c / a2:.1f}x vanban -j2")
PY
