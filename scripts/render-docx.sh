#!/usr/bin/env bash
# Renders a .docx to PDF with LibreOffice (headless, its own throw-away profile) and the PDF's
# pages to PNG with pdftoppm, to look at a generated memo the way it will print.
#   bash scripts/render-docx.sh FILE.docx [OUT_DIR] [DPI]
# Writes OUT_DIR/<name>.pdf and OUT_DIR/<name>-<page>.png (default OUT_DIR: beside FILE).
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
    echo "использование: bash scripts/render-docx.sh ФАЙЛ.docx [ПАПКА] [DPI]" >&2
    exit 2
fi
docx=$(realpath "$1")
outdir=$(realpath -m "${2:-$(dirname "$docx")}")
dpi=${3:-80}
mkdir -p "$outdir"

need=()
# soffice alone is not enough: a machine with only Calc cannot open a .docx.
dpkg -s libreoffice-writer >/dev/null 2>&1 || need+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Times New Roman\|Liberation Serif" || need+=(fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# A private LibreOffice profile: no clash with a running office or another render.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to pdf --outdir "$outdir" "$docx" >/dev/null

name=$(basename "${docx%.*}")
pdf="$outdir/$name.pdf"
[ -f "$pdf" ] || { echo "ошибка: LibreOffice не создал $pdf" >&2; exit 1; }
pdftoppm -r "$dpi" -png "$pdf" "$outdir/$name"
ls "$outdir/$name"*.png
