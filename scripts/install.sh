#!/usr/bin/env bash
# Installs zhurnal so that it runs from anywhere: the program into PREFIX/bin and what it reads
# besides the binary — rule packs (rules/*.rules with their coverage tables) and templates
# (memo templates, requisites, the phrase table, import profiles) — into PREFIX/share/zhurnal,
# where the program looks for them (beside itself, ../share/zhurnal).
#
#   bash scripts/install.sh [PREFIX]
#
# PREFIX: /usr/local when run as root or when it is writable, else ~/.local. BIN=path installs
# another build (default .build/release/zhurnal). Re-running replaces the installed files;
# a folder of the institution's own packs in PREFIX/share/zhurnal/rules is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${BIN:-.build/release/zhurnal}"
[ -x "$bin" ] || { echo "нет собранной программы $bin — сначала: bash scripts/build.sh" >&2; exit 2; }

if [ $# -ge 1 ]; then
    prefix="$1"
elif [ "$(id -u)" -eq 0 ] || [ -w /usr/local/bin ]; then
    prefix=/usr/local
else
    prefix="$HOME/.local"
fi

share="$prefix/share/zhurnal"
mkdir -p "$prefix/bin" "$share/rules" "$share/templates"
# Copy to a temporary name and rename: a running zhurnal is never overwritten in place.
install -m 0755 "$bin" "$prefix/bin/.zhurnal.new"
mv -f "$prefix/bin/.zhurnal.new" "$prefix/bin/zhurnal"
cp rules/*.rules rules/*.coverage.csv rules/README.md "$share/rules/"
rm -rf "$share/templates/memo" "$share/templates/import"
cp -R templates/memo templates/import "$share/templates/"

echo "zhurnal установлен: $prefix/bin/zhurnal (пакеты правил и шаблоны — $share)"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "папки $prefix/bin нет в PATH — добавьте в ~/.profile строку: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
