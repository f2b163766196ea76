#!/usr/bin/env bash
# Issue 17 targets, whole-process, in one run (docs/BENCHMARKS.md):
#   two warm 1 GiB files with 1000 scattered differences: `hexmap-cli compare A B` vs `cmp -l A B` (the best of
#   REPEAT runs each; target ratio <= 0.3);
#   two 1 TiB sparse files, equal but for 3 bytes in their few data extents: time (target <= 2 s) and peak RSS
#   from /usr/bin/time -v (target <= 64 MiB above an idle hexmap-cli).
# Usage: tests/bench/compare_vs_cmp.sh BUILD_DIR [DIR=/var/tmp] [REPEAT=3]
# Needs about 2.1 GiB free in DIR. Check `uptime` first: figures go to docs only from a quiet machine (load < 1.5).
set -euo pipefail
CLI="$(realpath "$1")/app/hexmap-cli"; DIR="${2:-/var/tmp}"; REPEAT="${3:-3}"
A="$DIR/cmp_bench_a.bin"; B="$DIR/cmp_bench_b.bin"; SA="$DIR/cmp_bench_sparse_a.bin"; SB="$DIR/cmp_bench_sparse_b.bin"
OUT="$(mktemp)"; TIMEV="$(mktemp)"
cleanup() { rm -f "$A" "$B" "$SA" "$SB" "$OUT" "$TIMEV"; }
trap cleanup EXIT
echo "uptime: $(uptime)"

head -c 1G /dev/urandom > "$A"
cp "$A" "$B"
# 1000 scattered one-byte differences (offsets spread evenly with a little jitter).
python3 - "$B" <<'PY'
import os, random, sys
random.seed(17)
size = os.path.getsize(sys.argv[1])
with open(sys.argv[1], "r+b") as f:
    for i in range(1000):
        at = i * (size // 1000) + random.randrange(size // 1000)
        f.seek(at); old = f.read(1); f.seek(at); f.write(bytes([old[0] ^ 0x5A]))
PY
cat "$A" "$B" > /dev/null; cat "$A" "$B" > /dev/null # warm

# best WALL seconds of REPEAT runs of "$@" (exit 1 = "different" is the expected answer of both tools)
best() {
    local b="" t0 t1 d
    for _ in $(seq "$REPEAT"); do
        t0=$(date +%s.%N)
        "$@" > "$OUT" 2>&1 || true
        t1=$(date +%s.%N)
        d=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
    done
    printf '%.3f' "$b"
}
c=$(best cmp -l "$A" "$B"); lines_cmp=$(wc -l < "$OUT")
h=$(best "$CLI" compare "$A" "$B"); lines_h=$(wc -l < "$OUT")
printf '%-62s %8s s  %8s s  ratio %.2f  (target <= 0.30)\n' "compare 1 GiB, 1000 differences: hexmap vs cmp -l" \
    "$h" "$c" "$(echo "$h / $c" | bc -l)"
echo "  cmp -l printed $lines_cmp lines, hexmap-cli compare $lines_h runs"
k=$(best "$CLI" compare "$A" "$B" --cmp)
printf '%-62s %8s s  %8s s  ratio %.2f\n' "compare --cmp (cmp -l's output) vs cmp -l" "$k" "$c" "$(echo "$k / $c" | bc -l)"

# Two 1 TiB sparse files: the same 3 data extents of 1 MiB, 3 bytes differ.
rm -f "$SA" "$SB"; truncate -s 1T "$SA"
for at in 0 300000 900000; do # MiB
    dd if="$A" of="$SA" bs=1M count=1 skip=$((at % 1000)) seek="$at" conv=notrunc status=none
done
cp --sparse=always "$SA" "$SB"
for at in 5 314572800123 943718400999; do
    printf 'X' | dd of="$SB" bs=1 seek="$at" conv=notrunc status=none
done
/usr/bin/time -v "$CLI" compare "$SA" "$SB" > "$OUT" 2> "$TIMEV" || true
wall=$(grep 'Elapsed (wall clock)' "$TIMEV" | awk '{print $NF}')
rss=$(grep 'Maximum resident' "$TIMEV" | awk '{print $NF}')
/usr/bin/time -v "$CLI" --version > /dev/null 2> "$TIMEV"
idle=$(grep 'Maximum resident' "$TIMEV" | awk '{print $NF}')
echo "compare 1 TiB sparse, 3 bytes differ: wall $wall (target <= 2 s), peak RSS $((rss / 1024)) MiB," \
     "idle hexmap-cli $((idle / 1024)) MiB: +$(((rss - idle) / 1024)) MiB (target <= 64)"
echo "  runs found: $(tr '\n' ' ' < "$OUT")"
