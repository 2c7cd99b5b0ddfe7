#!/usr/bin/env bash
# The web page in a real browser: starts `zhurnal serve` on a free loopback port over a fresh
# workspace, uploads the bundled example, runs a check and downloads a memo (the form posts
# are sent with curl, as the browser's forms send them), then renders the pages a deputy
# director sees in headless Chromium and saves screenshots under .build-web/.
# Installs Debian's `chromium` if it is missing. Exit 0 when every step answered as expected.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ZHURNAL_BIN:-.build/debug/zhurnal}
out=.build-web
[ -x "$bin" ] || swift build --product zhurnal
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation
fi
rm -rf "$out" && mkdir -p "$out"
data=$(mktemp -d) && jar="$out/cookies.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --port "$port" --data "$data/ws" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 50); do curl -sf "$base/journal" -o /dev/null && break; sleep 0.2; done

fail() { echo "ОШИБКА: $*" >&2; exit 1; }
token() { grep -o 'name="csrf" value="[0-9a-f]*' "$1" | awk 'NR==1' | sed 's/.*value="//'; }

curl -s -c "$jar" -b "$jar" "$base/journal" -o "$out/journal.html"
csrf=$(grep -o 'csrf=[0-9a-f]*' "$out/journal.html" | awk 'NR==1' | cut -d= -f2)
args=(); for f in examples/7b-algebra/*; do args+=(-F "files=@$f"); done
code=$(curl -s -c "$jar" -b "$jar" "${args[@]}" "$base/journal/upload?csrf=$csrf" -o /dev/null -w '%{http_code}')
[ "$code" = 303 ] || fail "загрузка не принята: $code"
for _ in $(seq 1 300); do
    where=$(curl -s -c "$jar" -b "$jar" "$base/journal/progress" -o /dev/null -w '%{redirect_url}')
    case "$where" in *"/journal/imports/"*) break;; esac
    sleep 0.2
done
case "$where" in *"/journal/imports/1") ;; *) fail "импорт не закончился: $where";; esac
curl -s -c "$jar" -b "$jar" "$base/check" -o "$out/check-form.html"
where=$(curl -s -c "$jar" -b "$jar" --data-urlencode "csrf=$(token "$out/check-form.html")" --data-urlencode pack=oosh14 \
    --data-urlencode window=all "$base/check" -o /dev/null -w '%{redirect_url}')
for _ in $(seq 1 600); do
    case "$where" in *"/checks/1") break;; esac
    sleep 0.2
    where=$(curl -s -c "$jar" -b "$jar" "$base/check/progress" -o /dev/null -w '%{redirect_url}')
done
case "$where" in *"/checks/1") ;; *) fail "проверка не выполнена: $where";; esac
curl -s -c "$jar" -b "$jar" "$base/checks/1" -o "$out/check.html"
teacher=$(grep -o '/checks/1/teacher?teacher=[^"]*' "$out/check.html" | awk 'NR==1')
[ -n "$teacher" ] || fail "на странице проверки нет ссылок на страницы преподавателей"
curl -sf -c "$jar" -b "$jar" "$base/documents/memo?pack=oosh14&group=7%D0%B1&week=08.10.2025&format=docx" -o "$out/записка-7б.docx" \
    || fail "записка не скачана"
python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert "word/document.xml" in z.namelist()' "$out/записка-7б.docx" \
    || fail "записка — не документ Word"

shot() {
    chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,"$3" \
        --screenshot="$out/$1.png" "$base$2" >/dev/null 2>&1 || fail "Chromium не открыл $2"
    [ -s "$out/$1.png" ] || fail "нет снимка $1"
}
shot 1-журнал /journal 900
shot 2-импорт /journal/imports/1 1100
shot 3-проверка-форма /check 900
shot 4-проверка /checks/1 2200
shot 5-преподаватель "$teacher" 1400
shot 6-документы /documents 1300
shot 7-правила "/rules?pack=oosh14" 1400
shot 8-проверка-экран /checks/1 1000
# No names in the server log: none of the example's students or teachers (marks table columns 5 and 9).
python3 - "$out/server.log" <<'PY' || fail "в журнале сервера есть персональные данные"
import sys
log = open(sys.argv[1], encoding="utf-8").read()
rows = [l.split(";") for l in open("examples/7b-algebra/marks_log_7b_algebra.csv", encoding="utf-8").read().splitlines()[1:]]
names = {r[4] for r in rows if len(r) > 8} | {r[8] for r in rows if len(r) > 8}
found = [n for n in names if n and n in log]
sys.exit(1 if found else 0)
PY
echo "Готово: снимки страниц в $out/ (1-журнал … 8-проверка-экран), записка $out/записка-7б.docx."
