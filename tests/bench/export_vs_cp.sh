#!/bin/sh
# Save As / Export Selection (issue 15): `hexmap-cli export FILE COPY` (CopyOut: copy_file_range, holes kept, fsync,
# rename) on a 1 GiB file in the page cache vs `cp --reflink=never` + sync of the copy and `dd bs=1M conv=fsync`, all
# into a new file on the same filesystem; and the same for a 1 GiB sparse file with 1 MiB of data (export keeps the
# hole; cp --sparse=always finds it by reading zeros). Prints seconds and ratios (lower is better for hexmap-cli).
# Run it on an idle machine (uptime load < 1.5); each figure is the best of RUNS runs.
# Usage: tests/bench/export_vs_cp.sh BUILD_DIR [DIR=/var/tmp] [SIZE_MIB=1024] [RUNS=3]
set -e
CLI="$1/app/hexmap-cli"; DIR="${2:-/var/tmp}"; MIB="${3:-1024}"; RUNS="${4:-3}"
F="$DIR/export_vs_cp.bin"; S="$DIR/export_vs_cp.sparse"; COPY="$DIR/export_vs_cp.copy"
trap 'rm -f "$F" "$S" "$COPY"' EXIT
head -c $((MIB * 1048576)) /dev/urandom > "$F"
cat "$F" > /dev/null
rm -f "$S"; head -c 1048576 /dev/urandom | dd of="$S" bs=1M seek=$((MIB / 2)) status=none; truncate -s "${MIB}M" "$S"
now() { date +%s.%N; }
best() { sort -n | head -1; }
timed() { # $@: a command writing $COPY
    for i in $(seq "$RUNS"); do
        rm -f "$COPY"; sync; sleep 2; t0=$(now); "$@" >/dev/null; t1=$(now)
        echo "$t1 - $t0" | bc
    done | best
}
cp_sync() { cp "$@" && sync "$COPY"; }
EXP=$(timed "$CLI" export "$F" "$COPY")
CP=$(timed cp_sync --reflink=never "$F" "$COPY")
DD=$(timed dd if="$F" of="$COPY" bs=1M conv=fsync status=none)
SEXP=$(timed "$CLI" export "$S" "$COPY")
SCP=$(timed cp_sync --reflink=never --sparse=always "$S" "$COPY")
echo "file: ${MIB} MiB in the page cache on $(df --output=fstype "$DIR" | tail -1) ($DIR)"
echo "dense: export $EXP s   cp+sync $CP s   dd conv=fsync $DD s   export/cp $(echo "$EXP / $CP" | bc -l | cut -c1-5)   export/dd $(echo "$EXP / $DD" | bc -l | cut -c1-5)"
echo "sparse (1 MiB data): export $SEXP s   cp --sparse=always+sync $SCP s   export/cp $(echo "$SEXP / $SCP" | bc -l | cut -c1-5)"
echo "load: $(uptime)"
