#!/usr/bin/env bash
# The main job on the bundled example (examples/7b-algebra): what a deputy director runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/zhurnal
mkdir -p out
rm -f out/7b.sqlite out/7b.sqlite-wal out/7b.sqlite-shm
"$bin" import examples/7b-algebra --db out/7b.sqlite --rejects out/rejects.csv
