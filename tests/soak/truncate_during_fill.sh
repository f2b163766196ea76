#!/usr/bin/env bash
# Row 3 reproduction: hexmap-cli fill of a 2 GiB file while another process truncates it to 100 MiB after a random
# delay; prints the final size. Usage: truncate_during_fill.sh CLI [RUNS=5] [THREADS="1 2 4"] [DIR=/var/tmp]
cli=${1:?hexmap-cli path}; runs=${2:-5}; threads=${3:-"1 2 4"}; dir=${4:-/var/tmp}
f="$dir/i13-regrow.bin"; cut=$((100 << 20))
for t in $threads; do
  regrown=0
  for r in $(seq 1 "$runs"); do
    rm -f "$f"; "$cli" create "$f" 2G --force >/dev/null || exit 1
    "$cli" fill "$f" 0x5A --threads "$t" --quiet 2>/tmp/i13-regrow.err & pid=$!
    sleep "0.$(printf '%03d' $((RANDOM % 300 + 20)))"
    truncate -s $cut "$f"
    wait $pid; rc=$?
    size=$(stat -c %s "$f")
    [ "$size" -ne $cut ] && regrown=$((regrown + 1))
    printf 'threads %s run %s: exit %s, size %s%s  %s\n' "$t" "$r" "$rc" "$size" \
      "$([ "$size" -ne $cut ] && echo ' REGROWN')" "$(head -c 120 /tmp/i13-regrow.err)"
  done
  echo "threads $t: $regrown of $runs regrown"
done
rm -f "$f"
