#!/bin/sh
# Whole-process ratio: `hexmap-cli fill FILE 0` vs `dd if=/dev/zero of=FILE bs=1M conv=notrunc` on one file.
# Usage: tests/bench/cli_vs_dd.sh BUILD_DIR [DIR=/var/tmp] [SIZE=2G]
set -e
CLI="$1/app/hexmap-cli"; DIR="${2:-/var/tmp}"; SIZE="${3:-2G}"; F="$DIR/cli_vs_dd.bin"
"$CLI" create "$F" "$SIZE" --force
MIB=$(( $(stat -c %s "$F") / 1048576 ))
t0=$(date +%s.%N); dd if=/dev/zero of="$F" bs=1M count="$MIB" conv=notrunc status=none; t1=$(date +%s.%N)
"$CLI" fill "$F" 0 --quiet >/dev/null; t2=$(date +%s.%N)
echo "dd: $(echo "$t1 - $t0" | bc) s  hexmap-cli fill: $(echo "$t2 - $t1" | bc) s  ratio dd/cli: $(echo "($t1 - $t0) / ($t2 - $t1)" | bc -l | cut -c1-5)"
rm -f "$F"
