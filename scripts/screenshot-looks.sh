#!/usr/bin/env bash
# Screenshots to judge the looks by eye (issue 19), under `xvfb-run -a` (the xcb platform: a desktop's fonts and
# style): the window, every dock and the dialogs in the light and the dark theme (tst_themes with
# HEXMAP_SCREENSHOT_DIR, which also checks their contrast), and the window in Simplified Chinese in both themes.
# A private config and cache directory keep the user's settings out of it.
#   usage: scripts/screenshot-looks.sh [BUILD_DIR] [OUT_DIR]     (defaults: build, build/looks)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
out="${2:-$build/looks}"
app="$build/app/hexmap"
themes="$build/tests/tst_themes"
for f in "$app" "$themes"; do
    [ -x "$f" ] || { echo "screenshot-looks: $f not found; build it first" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "screenshot-looks: xvfb-run not found" >&2; exit 1; }
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
unset QT_QPA_PLATFORM LANGUAGE LC_MESSAGES
xvfb-run -a -s "-screen 0 1600x1000x24" env LANG=C.UTF-8 LC_ALL=C.UTF-8 HEXMAP_SCREENSHOT_DIR="$out" "$themes"
# A file with text and zeros, in Chinese: the header's digits, the menus, docks and status bar.
{ yes 'Hexmap 0123456789 ABCDEF' || true; } | head -c 65536 > "$tmp/sample.bin"
head -c 65536 /dev/zero >> "$tmp/sample.bin"
for palette in light dark; do
    xvfb-run -a -s "-screen 0 1600x1000x24" env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 HEXMAP_PALETTE="$palette" \
        "$app" --screenshot "$out/window-zh_CN-$palette.png" "$tmp/sample.bin"
done
echo "screenshot-looks: $(ls "$out"/*.png | wc -l) PNGs in $out"
