#!/usr/bin/env bash
# Renders an XLSX report the way a user would see it: LibreOffice (headless) converts it to
# PDF and to one UTF-8 CSV per sheet, pdftoppm turns the PDF pages into PNG.
# A workbook that LibreOffice cannot open fails the conversion (non-zero exit).
#
#   bash scripts/render-xlsx.sh out/report.xlsx [out/render]
#
# Installs libreoffice-calc, poppler-utils and the Carlito font from Debian's packages when missing.
set -euo pipefail

xlsx="${1:?usage: render-xlsx.sh FILE.xlsx [OUT_DIR]}"
[ -f "$xlsx" ] || { echo "нет файла: $xlsx" >&2; exit 2; }
out="${2:-$(dirname "$xlsx")/render}"
mkdir -p "$out"
xlsx="$(cd "$(dirname "$xlsx")" && pwd)/$(basename "$xlsx")"
out="$(cd "$out" && pwd)"
base="$(basename "$xlsx" .xlsx)"

need=()
# fonts-crosextra-carlito is metrically the same as Calibri, the report's font: without it the
# pages are laid out in a wider substitute and text is cut where Excel would show it whole.
for p in libreoffice-calc poppler-utils fonts-crosextra-carlito; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Each conversion gets its own LibreOffice profile, so parallel runs do not collide.
profile_pdf="$(mktemp -d /tmp/zhurnal-lo-pdf.XXXXXX)"
profile_csv="$(mktemp -d /tmp/zhurnal-lo-csv.XXXXXX)"
trap 'rm -rf "$profile_pdf" "$profile_csv"' EXIT

rm -f "$out/$base".pdf "$out/$base"*.csv "$out/$base"-page-*.png
soffice -env:UserInstallation="file://$profile_pdf" --headless --norestore \
    --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
[ -s "$out/$base.pdf" ] || { echo "LibreOffice не смог открыть $xlsx" >&2; exit 1; }

# CSV filter options: comma, double quote, UTF-8 (76), from row 1, …, cells as shown (dates as
# dd.mm.yyyy), …, sheet -1 = every sheet
# into its own file named after the sheet.
soffice -env:UserInstallation="file://$profile_csv" --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$out" "$xlsx" >/dev/null

pdftoppm -png -r 70 "$out/$base.pdf" "$out/$base-page"

echo "PDF: $out/$base.pdf ($(pdfinfo "$out/$base.pdf" | awk '/^Pages:/ {print $2}') стр.)"
for f in "$out/$base"*.csv; do echo "CSV: $f ($(wc -l < "$f") строк)"; done
for f in "$out/$base"-page-*.png; do echo "PNG: $f"; done
