#!/usr/bin/env bash
# The benchmark: for each size, generate a study year (release build), measure the CSV size and
# the generator's speed, then run the same five checks in DuckDB SQL (duckdb_checks.sql), pandas
# (pandas_checks.py) and — where the binary supports them — `zhurnal import` / `zhurnal check`,
# compare every count with the ground truth, and write the tables to BENCHMARKS.md.
#
#   bash scripts/bench/run.sh                        # small and college
#   SIZES="small college district" bash scripts/bench/run.sh
#   SEED=1 RATE=0.01 OUT=BENCHMARKS.md bash scripts/bench/run.sh
#   BASE_BIN=/path/to/base/zhurnal REPEAT=3 bash scripts/bench/run.sh   # this build against another,
#                                   # alternating, REPEAT rounds (wall and CPU seconds of each)
#
# DuckDB and pandas are pip-installed into .build-bench/venv (git-ignored); generated data
# goes to .build-bench/data/<size>. Where the zhurnal timings plug in: see bench.py,
# functions `zhurnal_import` and `zhurnal_check` (marked PLUG-IN).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES="${SIZES:-small college}"
SEED="${SEED:-1}"
RATE="${RATE:-0.01}"
OUT="${OUT:-BENCHMARKS.md}"
WORK=.build-bench

bash scripts/build.sh --product zhurnal
if [ ! -x "$WORK/venv/bin/python" ]; then
    mkdir -p "$WORK"
    python3 -m venv "$WORK/venv"
fi
if ! "$WORK/venv/bin/python" -c "import duckdb, pandas" 2>/dev/null; then
    "$WORK/venv/bin/pip" install -q duckdb pandas
fi
# shellcheck disable=SC2086
"$WORK/venv/bin/python" scripts/bench/bench.py --bin .build/release/zhurnal --work "$WORK" \
    --seed "$SEED" --inject "$RATE" --out "$OUT" ${BASE_BIN:+--base-bin "$BASE_BIN"} \
    --command "SIZES=\"$SIZES\"${BASE_BIN:+ BASE_BIN=…} REPEAT=${REPEAT:-3} bash scripts/bench/run.sh" $SIZES
