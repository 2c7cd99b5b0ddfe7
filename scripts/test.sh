#!/usr/bin/env bash
# Runs the whole test suite (debug build). Tests read ../shared/ where it is present.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build
