#!/usr/bin/env bash
# Import throughput benchmark: generates a canonical «отметки» CSV of at least 100 MB
# (not committed; in .build-bench/), imports it with the release build into a fresh database
# and prints MB/s and peak RSS (from /usr/bin/time -v).
#   bash scripts/bench-import.sh [size_mb]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-110}
dir=.build-bench
mkdir -p "$dir"
csv="$dir/отметки.csv"
if [ ! -f "$csv" ] || [ "$(stat -c %s "$csv")" -lt $((size_mb * 1000000)) ]; then
    # 40 classes × 10 subjects × school days × 25 students, one cell per student and lesson.
    awk -v target=$((size_mb * 1000000)) 'BEGIN {
        OFS = ";"
        print "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс"
        split("Алгебра Геометрия Физика Химия Биология История Обществознание География Литература Информатика", subj, " ")
        split("устный ответ|контрольная работа|самостоятельная работа|домашняя работа|работа на уроке", work, "|")
        split("5 4 3 2 н 4 5 3 н5 5/4", val, " ")
        bytes = 0; n = 0
        for (d = 0; bytes < target; d++) {
            day = 1 + d % 28; month = 1 + int(d / 28) % 12; year = 2025 + int(d / 336)
            date = sprintf("%02d.%02d.%d", day, month, year)
            for (g = 1; g <= 40 && bytes < target; g++) {
                grp = (5 + g % 7) "-" g
                for (s = 1; s <= 10; s++) {
                    num = 1 + (s + g) % 7
                    for (st = 1; st <= 25; st++) {
                        n++
                        line = grp OFS subj[s] OFS date OFS num OFS "Обучающийся " g "-" st OFS val[1 + n % 10] OFS work[1 + n % 5] OFS date " 1" (n % 8) ":" sprintf("%02d", n % 60) OFS "Учитель " (g * 10 + s) % 97
                        print line
                        bytes += length(line) + 1
                    }
                }
            }
        }
    }' > "$csv"
fi
bytes=$(stat -c %s "$csv")
rm -f "$dir/bench.sqlite" "$dir/bench.sqlite-wal" "$dir/bench.sqlite-shm"
[ -x .build/release/zhurnal ] || bash scripts/build.sh
start=$(date +%s.%N)
/usr/bin/time -v .build/release/zhurnal import "$csv" --db "$dir/bench.sqlite" > "$dir/out.txt" 2> "$dir/time.txt" || true
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
# CPU time too: on a shared machine the wall time depends on what else runs.
cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$dir/time.txt")
tail -n +3 "$dir/out.txt" | head -3
printf 'файл: %.1f МБ, время: %.2f с, скорость: %.1f МБ/с, процессорное время: %.2f с, пиковая память: %.1f МБ\n' \
    "$(echo "$bytes / 1000000" | bc -l)" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$cpu" "$(echo "$rss / 1024" | bc -l)"
