#!/usr/bin/env bash
# Configures and builds Hexmap into BUILD_DIR (default: build). Extra arguments go to cmake's configure step.
# Idempotent: re-running only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}" # relative paths: hits across checkouts in other folders
    # Lets ccache cache objects built with a precompiled header (-DHEXMAP_PCH=ON, cmake/HexmapPch.cmake).
    export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros}"
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "${launcher[@]}" "$@"
# BUILD_TARGETS (space-separated) builds only those targets, e.g. the concurrency suites for ThreadSanitizer.
targets=()
for t in ${BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build" -j"$(nproc)" "${targets[@]}"
