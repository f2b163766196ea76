#!/usr/bin/env bash
# Screenshots of the main window on the demo file, light and dark palette, offscreen (no display needed).
#   usage: scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]     (defaults: build, docs/screenshots)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="${2:-$root/docs/screenshots}"
mkdir -p "$out"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$build/app/hexmap" --demo --screenshot "$out/hexmap-light.png"
HEXMAP_PALETTE=dark "$build/app/hexmap" --demo --screenshot "$out/hexmap-dark.png"
echo "screenshots: $out/hexmap-light.png $out/hexmap-dark.png"
