#!/usr/bin/env bash
# Fuzzes one target for a number of seconds: scripts/fuzz.sh TARGET SECONDS [SEED]
# (ZHURNAL_FUZZ_SKIP_BUILD=1 uses the test bundle already built).
#   TARGET: csv | profiles | rules | templates (see Tests/FuzzTests/FuzzTargets.swift)
# Runs the seeded-mutation suite `FuzzTests` (debug build) with that budget. A crash or trap
# kills the test process: the input it was running is kept as a regression fixture in
# Tests/FuzzTests/Regressions/TARGET/ (replayed by every test run from then on). Hangs (an input
# over ZHURNAL_FUZZ_HANG seconds, default 10) are kept the same way. Exit 0 when clean.
set -uo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh csv|profiles|rules|templates SECONDS [SEED]}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS [SEED]}"
# A new seed each run (printed in the result), so longer runs do not repeat the same inputs.
seed="${3:-$(date +%s)}"
case "$target" in csv|profiles|rules|templates) ;; *) echo "unknown target: $target" >&2; exit 2 ;; esac
if [ "${ZHURNAL_FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  swift build --build-tests >/dev/null || exit 2
fi
work=".build/fuzz/$target"
mkdir -p "$work"
rm -f "$work/current" "$work/last-run.txt"
log="$work/log.txt"
# The whole run gets the budget plus time to replay the corpus; past that it is a hang.
# The test bundle is run directly (not through `swift test`), so several targets can be fuzzed
# at once: SwiftPM would serialise them on its lock of .build.
bundle=".build/debug/zhurnalPackageTests.xctest"
[ -x "$bundle" ] || { echo "no test bundle at $bundle: run swift build --build-tests" >&2; exit 2; }
timeout --signal=KILL $((seconds + 300)) env ZHURNAL_FUZZ_TARGET="$target" ZHURNAL_FUZZ_SECONDS="$seconds" \
  ${seed:+ZHURNAL_FUZZ_SEED="$seed"} "$bundle" --testing-library swift-testing --filter "FuzzTests" >"$log" 2>&1
status=$?
keep() {
  mkdir -p "Tests/FuzzTests/Regressions/$target"
  name="$1-$(sha1sum "$2" | cut -c1-12)"
  cp "$2" "Tests/FuzzTests/Regressions/$target/$name"
  echo "kept as Tests/FuzzTests/Regressions/$target/$name"
}
for h in "$work"/hang-*; do [ -e "$h" ] && keep hang "$h" && rm -f "$h"; done
if [ $status -ne 0 ] && [ -s "$work/current" ]; then
  echo "fuzz $target: CRASH (status $status) — the input:"
  keep crash "$work/current"
  tail -20 "$log"
  exit 1
fi
if [ $status -ne 0 ]; then
  echo "fuzz $target: FAILED (status $status)"; tail -30 "$log"; exit 1
fi
cat "$work/last-run.txt"
