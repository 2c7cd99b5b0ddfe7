#!/usr/bin/env bash
# The main job on the bundled example (examples/7b-algebra: 7б, алгебра, I–II четверти
# 2025/2026): import the exports, check them against the oosh14 regulation pack, write the
# XLSX compliance report, the JSON findings and a curator's service memo. Outputs go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/zhurnal
pack=rules/oosh14.rules
mkdir -p out
rm -f out/7b.sqlite out/7b.sqlite-wal out/7b.sqlite-shm

# Exit code 1 means "violations found" (a result, not a failure); 2 is bad input.
allow_findings() { "$@" || [ $? -eq 1 ]; }

"$bin" import examples/7b-algebra --db out/7b.sqlite --rejects out/rejects.csv
allow_findings "$bin" check out/7b.sqlite --rules "$pack" --out out/report.xlsx --json out/findings.json
allow_findings "$bin" memo out/7b.sqlite --rules "$pack" --group 7б --week 08.10.2025 \
    --out out/memo-7b.docx --out out/memo-7b.md
echo
echo "Готово: out/report.xlsx (отчёт), out/memo-7b.docx и out/memo-7b.md (служебная записка), out/findings.json."
