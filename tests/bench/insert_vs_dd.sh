#!/bin/sh
# Issue 15 target: `hexmap-cli insert FILE --offset 4096 --hex 00` (and `delete --offset 4096 --length 1`) on a 1 GiB
# file in the page cache, whole process, vs `dd if=FILE of=COPY bs=1M` into a new file on the same filesystem (and
# the same dd with conv=fdatasync, since insert/delete only report success after an fdatasync). Prints seconds, the
# ratios (target: insert/dd <= 1.5) and peak RSS (/usr/bin/time -v; target: <= 64 MiB above an idle `hexmap-cli
# info`). Run it on an idle machine (uptime load < 1.5); each figure is the best of RUNS runs.
# Usage: tests/bench/insert_vs_dd.sh BUILD_DIR [DIR=/var/tmp] [SIZE_MIB=1024] [RUNS=3] [EXTRA hexmap-cli options]
set -e
CLI="$1/app/hexmap-cli"; DIR="${2:-/var/tmp}"; MIB="${3:-1024}"; RUNS="${4:-3}"; shift 4 2>/dev/null || shift $#
EXTRA="$*"
F="$DIR/insert_vs_dd.bin"; COPY="$DIR/insert_vs_dd.copy"
export HEXMAP_JOURNAL_DIR="$DIR/insert_vs_dd.journals"
trap 'rm -rf "$F" "$COPY" "$HEXMAP_JOURNAL_DIR" /tmp/insert_vs_dd.$$' EXIT
head -c $((MIB * 1048576)) /dev/urandom > "$F"
cat "$F" > /dev/null
now() { date +%s.%N; }
best() { sort -n | head -1; }
time_dd() { # $1: extra dd option
    for i in $(seq "$RUNS"); do
        # sleep: let the discard of the deleted copy finish (ext4 -o discard), or dd waits for it
        rm -f "$COPY"; sync; sleep 2; t0=$(now); dd if="$F" of="$COPY" bs=1M status=none $1; t1=$(now)
        echo "$t1 - $t0" | bc
    done | best
}
time_cli() { # $@: the command after FILE
    for i in $(seq "$RUNS"); do
        sync; sleep 2; t0=$(now); "$CLI" "$1" "$F" $2 --quiet $EXTRA >/dev/null; t1=$(now)
        echo "$t1 - $t0" | bc
    done | best
}
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
DD=$(time_dd "")
DDSYNC=$(time_dd "conv=fdatasync")
rm -f "$COPY"
INS=$(time_cli insert "--offset 4096 --hex 00")
DEL=$(time_cli delete "--offset 4096 --length 1")
IDLE=$(rss "$CLI" info "$F")
RSSINS=$(rss "$CLI" insert "$F" --offset 4096 --hex 00 --quiet $EXTRA)
RSSDEL=$(rss "$CLI" delete "$F" --offset 4096 --length 1 --quiet $EXTRA)
echo "file: ${MIB} MiB in the page cache on $(df --output=fstype "$DIR" | tail -1) ($DIR); hexmap-cli options: ${EXTRA:-none}"
echo "dd bs=1M: $DD s   dd conv=fdatasync: $DDSYNC s"
echo "insert 1 byte at 4096: $INS s   ratio insert/dd: $(echo "$INS / $DD" | bc -l | cut -c1-5)   insert/dd+fdatasync: $(echo "$INS / $DDSYNC" | bc -l | cut -c1-5)"
echo "delete 1 byte at 4096: $DEL s   ratio delete/dd: $(echo "$DEL / $DD" | bc -l | cut -c1-5)   delete/dd+fdatasync: $(echo "$DEL / $DDSYNC" | bc -l | cut -c1-5)"
echo "peak RSS: idle info $IDLE KiB, insert $RSSINS KiB (+$((RSSINS - IDLE))), delete $RSSDEL KiB (+$((RSSDEL - IDLE)))"
echo "load: $(uptime)"
