#!/usr/bin/env bash
# Issue 18: hexmap-cli on a block device and on a file too large to map, against the tools, in one run.
# A 1 GiB random image (warm) attached as a loop device: search for an absent needle vs `LC_ALL=C grep -c -F`,
# `dump --length 256M` vs `xxd -l 256M`, `hash --algo sha256` vs `sha256sum`, `export` (disk imaging) vs
# `dd bs=1M conv=fsync`; then the image file itself mapped vs unmapped (HEXMAP_MAP_LIMIT=1: pread/pwrite, the mode
# of files >= ~100 TiB): search, dump, fill 2 threads. Each figure is the best of REPEAT runs (seconds).
# Needs root (losetup). Usage: tests/bench/device_vs_tools.sh BUILD_DIR [DIR=/var/tmp] [REPEAT=3]
set -euo pipefail
CLI="$(realpath "$1")/app/hexmap-cli"; DIR="${2:-/var/tmp}"; REPEAT="${3:-3}"
IMG="$DIR/device_bench.img"; OUT="$DIR/device_bench.copy"; DEV=""
cleanup() { [ -n "$DEV" ] && losetup -d "$DEV"; rm -f "$IMG" "$OUT"; }
trap cleanup EXIT
echo "uptime: $(uptime)"
head -c 1G /dev/urandom > "$IMG"
DEV=$(losetup -f --show "$IMG")
cat "$IMG" > /dev/null; cat "$DEV" > /dev/null # warm both page caches
NEEDLE="hexmap-absent-needle-0123456789"
best() { # best wall seconds of REPEAT runs of "$@" (output to a file: grep stops early on /dev/null)
    local b="" t0 t1 d
    for _ in $(seq "$REPEAT"); do
        t0=$(date +%s.%N); "$@" > /tmp/device_bench_out 2>&1 || true; t1=$(date +%s.%N)
        d=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
    done
    printf "%.3f" "$b"
}
row() { printf "%-44s hexmap %7s s   %-22s %7s s   ratio %s\n" "$1" "$2" "$3" "$4" "$(echo "$2 / $4" | bc -l | cut -c1-5)"; }
export_dev() { rm -f "$OUT"; "$CLI" export "$DEV" "$OUT"; }
dd_dev() { rm -f "$OUT"; dd if="$DEV" of="$OUT" bs=1M conv=fsync status=none; }
row "device: search (absent)" "$(best "$CLI" search "$DEV" --text "$NEEDLE")" "grep -c -F" "$(best env LC_ALL=C grep -c -F "$NEEDLE" "$DEV")"
row "device: dump 256 MiB" "$(best "$CLI" dump "$DEV" --length 256M)" "xxd -l 256M" "$(best xxd -l 268435456 "$DEV")"
row "device: sha256" "$(best "$CLI" hash "$DEV" --algo sha256)" "sha256sum" "$(best sha256sum "$DEV")"
row "device: export 1 GiB to a file" "$(best export_dev)" "dd conv=fsync" "$(best dd_dev)"
M=$(best "$CLI" search "$IMG" --text "$NEEDLE"); U=$(best env HEXMAP_MAP_LIMIT=1 "$CLI" search "$IMG" --text "$NEEDLE")
row "file: search, unmapped vs mapped" "$U" "mapped" "$M"
M=$(best "$CLI" dump "$IMG" --length 256M); U=$(best env HEXMAP_MAP_LIMIT=1 "$CLI" dump "$IMG" --length 256M)
row "file: dump 256 MiB, unmapped vs mapped" "$U" "mapped" "$M"
M=$(best "$CLI" fill "$IMG" 0xAB --threads 2 --quiet); U=$(best env HEXMAP_MAP_LIMIT=1 "$CLI" fill "$IMG" 0xAB --threads 2 --quiet)
row "file: fill 1 GiB 2 threads, unmapped vs mapped" "$U" "mapped" "$M"
echo "uptime: $(uptime)"
