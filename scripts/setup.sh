#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, builds zhurnal (release), puts `zhurnal` on PATH
# (scripts/install.sh: /usr/local/bin as root, else ~/.local/bin; packs and templates beside it in
# share/zhurnal) and runs the main job on the bundled example journal: import, check against the
# oosh14 pack (XLSX report + JSON) and a service memo. Outputs go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for p in libsqlite3-dev libcsv-dev libxlsxwriter-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

bash scripts/build.sh
bash scripts/install.sh
bash scripts/example.sh
