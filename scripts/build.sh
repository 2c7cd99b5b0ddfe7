#!/usr/bin/env bash
# The release build of zhurnal that setup, install and the benchmarks use (.build/release/zhurnal).
# The Swift runtime and Foundation are linked into the program (--static-swift-stdlib): a run no
# longer binds thousands of their symbols when it starts (0.02 -> 0.01 s), which is a tenth of
# a small school's check (BENCHMARKS.md). Every release build goes through here: built once
# without the flag, the same .build/release would be rebuilt whole by the next build with it.
#   bash scripts/build.sh [--product zhurnal]
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --static-swift-stdlib "$@"
