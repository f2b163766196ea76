#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang in BUILD_DIR and runs each for SECONDS on a copy of its corpus
# (tests/fuzz/corpus/NAME; the repository is never modified). Exits non-zero if any fuzzer finds a crash,
# a sanitizer error, an invariant violation, a timeout or an out-of-memory. Crash inputs are kept in
# BUILD_DIR/fuzz-artifacts/, logs in BUILD_DIR/fuzz-NAME.log.
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail

if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build=$1
seconds=$2
src=$(cd "$(dirname "$0")/../.." && pwd)

CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHEXMAP_BUILD_FUZZ=ON -DHEXMAP_BUILD_GUI=OFF -DHEXMAP_BUILD_TESTS=OFF
cmake --build "$build" --target fuzz_numberparser fuzz_hexbytes fuzz_partitiontable -j2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/fuzz-artifacts"
status=0
for name in numberparser hexbytes partitiontable; do
    cp -r "$src/tests/fuzz/corpus/$name" "$work/$name"
    echo "== fuzz_$name for ${seconds}s"
    if ! "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" "$work/$name" \
            >"$build/fuzz-$name.log" 2>&1; then
        echo "fuzz_$name FAILED; see $build/fuzz-$name.log and $build/fuzz-artifacts/" >&2
        tail -n 30 "$build/fuzz-$name.log" >&2
        status=1
    fi
    grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$build/fuzz-$name.log" || true
done
exit $status
