#!/usr/bin/env bash
# The README's mid-job screenshot from the real application: `hexmap --screenshot-job` opens a second file in a tab
# of its own (firmware.bin, made here), then the demo file, runs a 4-worker pattern job over the demo file, grabs the
# window half way, cancels and restores the demo file. It runs under
# `xvfb-run -a` (a real X server: the fonts and style of a desktop session), or offscreen when xvfb-run is missing.
# A private config, cache and data directory keep the user's settings, window layout and demo file out of it.
#   usage: scripts/screenshot-job.sh [BUILD_DIR] [OUT_PNG]     (defaults: build, docs/screenshot-job.png)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="${2:-$root/docs/screenshot-job.png}"
app="$build/app/hexmap"
if [ ! -x "$app" ]; then
    echo "screenshot-job: $app not found; build first (scripts/build.sh)" >&2
    exit 1
fi
mkdir -p "$(dirname "$out")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 # English texts whatever the session's language
unset LANGUAGE LC_MESSAGES
# The other tab: 1 MiB of text and random bytes, as a firmware dump looks.
{ head -c 262144 /dev/urandom; { yes 'U-Boot 2024.01 (Jan 08 2024) mmc0 boot partition' || true; } | head -c 524288; head -c 262144 /dev/urandom; } > "$tmp/firmware.bin"
if command -v xvfb-run >/dev/null; then
    unset QT_QPA_PLATFORM
    xvfb-run -a -s "-screen 0 1280x1024x24" "$app" --screenshot-job "$out" "$tmp/firmware.bin"
else
    echo "screenshot-job: xvfb-run not found; using QT_QPA_PLATFORM=offscreen" >&2
    QT_QPA_PLATFORM=offscreen "$app" --screenshot-job "$out" "$tmp/firmware.bin"
fi
echo "screenshot-job: $out ($(stat -c %s "$out") bytes)"
