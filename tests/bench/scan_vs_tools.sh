#!/usr/bin/env bash
# Issue 16 whole-process ratios, each the best of REPEAT runs on warm files, in one run (docs/BENCHMARKS.md):
#   search vs `LC_ALL=C grep -c -F` (random and base64 text, absent and frequent needles; wildcard and
#   ignore-case vs exact), `hash --algo sha256` vs `openssl dgst -sha256`, sha256+crc32+md5 in one run vs the
#   slowest alone, `stats --block 4K` vs `cat FILE > /dev/null`, a 1 TiB sparse file holding 1 GiB of data
#   (search, stats, crc32 which combines a hole in O(log n); sha256 over a 16 GiB one: a digest hashes
#   a hole's zeros, without reading them) vs that 1 GiB alone, and peak RSS.
# Usage: tests/bench/scan_vs_tools.sh BUILD_DIR [DIR=/var/tmp] [REPEAT=3]
# Needs about 3 GiB free in DIR (the sparse files hold 1 GiB each).
set -euo pipefail
CLI="$(realpath "$1")/app/hexmap-cli"; DIR="${2:-/var/tmp}"; REPEAT="${3:-3}"
R="$DIR/scan_random.bin"; T="$DIR/scan_text.txt"; S="$DIR/scan_sparse.bin"; H="$DIR/scan_hash_sparse.bin"
cleanup() { rm -f "$R" "$T" "$S" "$H"; }
trap cleanup EXIT
echo "uptime: $(uptime)"
[ -f "$R" ] || head -c 1G /dev/urandom > "$R"
[ -f "$T" ] || { base64 -w 76 "$R" | head -c 1G > "$T" || true; } # base64 ends on SIGPIPE
# 1 TiB, 1 GiB of data in 4 extents of 256 MiB spread over it.
rm -f "$S" "$H"; truncate -s 1T "$S"; truncate -s 16G "$H"
for i in 0 1 2 3; do
    dd if="$R" of="$S" bs=1M count=256 skip=$((i * 256)) seek=$((i * 262144 + 1000)) conv=notrunc status=none
    dd if="$R" of="$H" bs=1M count=256 skip=$((i * 256)) seek=$((i * 4096 + 100)) conv=notrunc status=none
done
cat "$R" "$T" > /dev/null; cat "$R" "$T" > /dev/null # warm

# best WALL seconds of REPEAT runs of "$@"; the largest max RSS seen goes to $PEAK (row()
# prints the one of the last best(): the hexmap-cli command of the row).
PEAK=/tmp/scan_bench_peak
best() {
    local b="" t0 t1 d rss PEAK_KB=0
    for _ in $(seq "$REPEAT"); do
        t0=$(date +%s.%N)
        # Output to a file, not /dev/null: GNU grep stops at the first match when its output is /dev/null.
        /usr/bin/time -f %M -o /tmp/scan_bench_rss "$@" > /tmp/scan_bench_out 2>&1 || true
        t1=$(date +%s.%N)
        d=$(echo "$t1 - $t0" | bc -l)
        rss=$(tail -1 /tmp/scan_bench_rss)
        [ "$rss" -gt "$PEAK_KB" ] && PEAK_KB=$rss
        if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
    done
    echo "$PEAK_KB" > "$PEAK"
    printf '%.3f' "$b"
}
ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
row() { printf '%-58s %8s s  %8s s  ratio %s  (peak RSS %s MiB)\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$(( $(cat "$PEAK") / 1024 ))"; }

ABSENT="QZXJVKWQZXJVKWQZ" # 16 bytes in neither file
for f in "$R" "$T"; do
    name=$(basename "$f")
    g=$(LC_ALL=C best grep -c -F "$ABSENT" "$f"); h=$(best "$CLI" search "$f" --text "$ABSENT")
    row "search absent 16 B, $name: hexmap vs grep" "$h" "$g"
    g=$(LC_ALL=C best grep -c -F "the" "$f"); h=$(best "$CLI" search "$f" --text "the" --all --max 10000000)
    row "search frequent 'the' --all, $name: hexmap vs grep -c" "$h" "$g"
    e=$(best "$CLI" search "$f" --text "$ABSENT")
    w=$(best "$CLI" search "$f" --hex "51 5A ?? 4A 56 4B 57 51 5A 58 4A 56 4B 57 51 5A")
    row "search wildcard vs exact, $name" "$w" "$e"
    i=$(best "$CLI" search "$f" --text "$ABSENT" --ignore-case)
    row "search ignore-case vs exact, $name" "$i" "$e"
done
o=$(best openssl dgst -sha256 "$R"); s=$(best "$CLI" hash "$R" --algo sha256)
row "hash sha256 1 GiB: hexmap vs openssl dgst -sha256" "$s" "$o"
m=$(best "$CLI" hash "$R" --algo md5); c=$(best "$CLI" hash "$R" --algo crc32)
slowest=$(printf '%s\n' "$s" "$m" "$c" | sort -g | tail -1)
three=$(best "$CLI" hash "$R" --algo sha256,crc32,md5)
row "hash sha256+crc32+md5 vs slowest alone (md5 $m, crc32 $c)" "$three" "$slowest"
k=$(best cat "$R"); e=$(best "$CLI" stats "$R" --block 4K --json)
row "stats --block 4K --json 1 GiB vs cat > /dev/null" "$e" "$k"
e=$(best "$CLI" stats "$R" --block 4K)
row "stats --block 4K (text summary) vs cat > /dev/null" "$e" "$k"

alone=$(best "$CLI" search "$R" --text "$ABSENT"); sp=$(best "$CLI" search "$S" --text "$ABSENT")
row "search 1 TiB sparse (1 GiB data) vs the 1 GiB alone" "$sp" "$alone"
alone=$(best "$CLI" stats "$R" --block 1M --json); sp=$(best "$CLI" stats "$S" --block 1M --json)
row "stats --block 1M 1 TiB sparse vs the 1 GiB alone" "$sp" "$alone"
alone=$(best "$CLI" hash "$R" --algo crc32); sp=$(best "$CLI" hash "$S" --algo crc32)
row "hash crc32 1 TiB sparse (1 GiB data) vs the 1 GiB alone" "$sp" "$alone"
alone=$(best "$CLI" hash "$R" --algo sha256); sp=$(best "$CLI" hash "$H" --algo sha256)
row "hash sha256 16 GiB sparse (1 GiB data) vs the 1 GiB alone" "$sp" "$alone"
idle=$(best "$CLI" hash --algo list)
echo "idle hexmap-cli (hash --algo list) peak RSS: $(( $(cat "$PEAK") / 1024 )) MiB"
echo "uptime: $(uptime)"
