#!/usr/bin/env bash
# One command for a newcomer: install the packages, build, create a demo file and open it in Hexmap.
# Without a display (no $DISPLAY / $WAYLAND_DISPLAY) the app runs under xvfb-run and a screenshot is saved instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${BUILD_DIR:-$root/build}"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/hexmap" --demo "$@"
fi
echo "run-demo: no display; running under xvfb-run and saving a screenshot to $build/demo.png"
exec xvfb-run -a "$build/app/hexmap" --demo --screenshot "$build/demo.png" "$@"
