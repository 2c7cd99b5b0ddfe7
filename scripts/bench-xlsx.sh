#!/usr/bin/env bash
# Workbook import benchmark: turns the canonical «отметки» CSV of scripts/bench-import.sh into
# workbooks the way a spreadsheet saves them (dates as date cells, numbers as numbers; shared
# strings, or inline strings), imports each with the release build into a fresh database and
# prints the time, MB/s of the workbook and peak RSS (from /usr/bin/time -v). Not in the suite.
#   bash scripts/bench-xlsx.sh          # one sheet (shared), one sheet (inline), four sheets (~110 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.build-bench
bin=.build/release/zhurnal
[ -x "$bin" ] || bash scripts/build.sh --product zhurnal
[ -f "$dir/отметки.csv" ] || bash scripts/bench-import.sh
cc -O2 -o "$dir/csv2xlsx" scripts/bench/csv2xlsx.c -lxlsxwriter
[ -f "$dir/отметки-1.xlsx" ] || "$dir/csv2xlsx" "$dir/отметки.csv" "$dir/отметки-1.xlsx" 1
[ -f "$dir/отметки-1-inline.xlsx" ] || "$dir/csv2xlsx" "$dir/отметки.csv" "$dir/отметки-1-inline.xlsx" --inline 1
[ -f "$dir/отметки-4.xlsx" ] || "$dir/csv2xlsx" "$dir/отметки.csv" "$dir/отметки-4.xlsx" 4
for f in отметки-1.xlsx отметки-1-inline.xlsx отметки-4.xlsx; do
    rm -f "$dir/bench-x.sqlite" "$dir/bench-x.sqlite-wal" "$dir/bench-x.sqlite-shm"
    bytes=$(stat -c %s "$dir/$f")
    /usr/bin/time -v "$bin" import "$dir/$f" --db "$dir/bench-x.sqlite" > "$dir/bench-x.out" 2> "$dir/bench-x.time" || true
    secs=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$dir/bench-x.time")
    rss=$(awk '/Maximum resident/ { print int($NF / 1024) }' "$dir/bench-x.time")
    rows=$(awk '/^Итого/ { print $2 }' "$dir/bench-x.out")
    awk -v f="$f" -v b="$bytes" -v s="$secs" -v r="$rss" -v n="$rows" 'BEGIN {
        printf "%-24s %6.1f МБ  %8d строк  %6.1f с  %5.1f МБ/с  %6.0f строк/с  пик памяти %d МБ\n", f, b / 1e6, n, s, b / 1e6 / s, n / s, r }'
done
