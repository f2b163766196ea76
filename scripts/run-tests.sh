#!/usr/bin/env bash
# One command for the whole test suite: install the packages, build, run every Qt Test suite through CTest.
# Extra arguments go to ctest (e.g. -R tst_hexlayout, -L concurrency).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" ${HEXMAP_CMAKE_ARGS:-}
build="${BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
# HEXMAP_TEST_JOBS: how many suites at a time (default: one per core).
ctest --test-dir "$build" --output-on-failure -j"${HEXMAP_TEST_JOBS:-$(nproc)}" "$@"
