#!/usr/bin/env bash
# bench_open: time to the first painted frame and peak RSS of `hexmap FILE --measure-startup` (offscreen) for a
# 1 MiB, a 2 GiB (blocks reserved) and a 1 TiB sparse file. Each size runs RUNS times (default 7) after one warm-up
# run; the median first-paint time and the largest peak RSS are reported. Never run by ctest.
#   usage: tests/bench/bench_open.sh [BUILD_DIR]      (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
hexmap="$build/app/hexmap"
runs="${RUNS:-7}"
[ -x "$hexmap" ] || { echo "bench_open: $hexmap not built" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/bench_open.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"

head -c $((1 << 20)) /dev/urandom > "$work/1MiB.bin"
fallocate -l 2G "$work/2GiB.bin" 2>/dev/null || truncate -s 2G "$work/2GiB.bin"
head -c $((1 << 20)) /dev/urandom | dd of="$work/2GiB.bin" conv=notrunc status=none
truncate -s 1T "$work/1TiB-sparse.bin"
printf 'HEXMAP' | dd of="$work/1TiB-sparse.bin" conv=notrunc status=none

printf '%-18s %14s %14s %14s %16s\n' file first-paint-ms min-ms max-ms peak-rss-KiB
for name in 1MiB.bin 2GiB.bin 1TiB-sparse.bin; do
    "$hexmap" "$work/$name" --measure-startup > /dev/null # warm-up (page cache, fonts)
    times=()
    peak=0
    for _ in $(seq "$runs"); do
        out="$(/usr/bin/time -f 'time-maxrss-kib: %M' "$hexmap" "$work/$name" --measure-startup 2>&1)"
        times+=("$(sed -n 's/^first-paint-ms: //p' <<< "$out")")
        rss="$(sed -n 's/^time-maxrss-kib: //p' <<< "$out")"
        [ "$rss" -gt "$peak" ] && peak="$rss"
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -g))
    printf '%-18s %14s %14s %14s %16s\n' "$name" "${sorted[$((runs / 2))]}" "${sorted[0]}" "${sorted[$((runs - 1))]}" "$peak"
done
