#!/usr/bin/env bash
# Times the same N commune documents made three ways and prints the ratios:
#   (a) vanban batch (PDF), in process, with 1 and 2 workers;
#   (b) the typst command line run once per document on the same layout and the same input JSON;
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
cargo bench --no-run -q --bench batch 2>/dev/null
bench=$(ls -t target/release/deps/batch-* | grep -v '\.d$' | head -1)
"$bench" plan "$n" "$work/plan.json"
"$bench" inputs "$work/plan.json" "$work/inputs"

seconds() { local start=$1; python3 -c "import time; print(f'{time.time() - $start:.2f}')"; }
now() { python3 -c 'import time; print(time.time())'; }

job=samples/cam-xuyen-2021/cong-van-2402-xa.toml
t=$(now); target/release/vanban batch "$job" --data "$work/plan.json" -o "$work/a1" -j 1 -q --format pdf 2>/dev/null; a1=$(seconds "$t")
t=$(now); target/release/vanban batch "$job" --data "$work/plan.json" -o "$work/a2" -j 2 -q --format pdf 2>/dev/null; a2=$(seconds "$t")
target/release/vanban batch "$job" --data "$work/plan.json" -o "$work/docx" -j 2 -q --format docx 2>/dev/null

t=$(now)
for dir in "$work"/inputs/*/; do
  "$typst" compile --root "$dir" --font-path fonts --ignore-system-fonts "$dir/nd30.typ" "$dir/out.pdf"
done
b=$(seconds "$t")

t=$(now); HOME="$work" soffice --headless --convert-to pdf --outdir "$work/lo" "$work"/docx/*.docx >/dev/null 2>&1; c=$(seconds "$t")

python3 - "$n" "$a1" "$a2" "$b" "$c" <<'PY'
import sys
n, a1, a2, b, c = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"{n} documents (letter + the commune's annexes)")
print(f"(a) vanban batch, PDF, -j1: {a1:7.2f} s  {a1 / n * 1e3:6.1f} ms/document")
print(f"(a) vanban batch, PDF, -j2: {a2:7.2f} s  {a2 / n * 1e3:6.1f} ms/document")
print(f"(b) typst CLI per document: {b:7.2f} s  {b / n * 1e3:6.1f} ms/document  = {b / a1:.1f}x vanban -j1")
print(f"(c) LibreOffice DOCX->PDF : {c:7.2f} s  {c / n * 1e3:6.1f} ms/document  = {c / a2:.1f}x vanban -j2")
PY
