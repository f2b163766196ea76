#!/usr/bin/env bash
# One command for a newcomer: install the packages, build, create a demo file and open it in Hexmap.
# Without a display (no $DISPLAY / $WAYLAND_DISPLAY) the app runs under xvfb-run and a screenshot is saved instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${BUILD_DIR:-$root/build}"
if [ -x "$build/app/hexmap" ]; then
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$build/app/hexmap" --demo "$@"
    fi
    echo "run-demo: no display; running under xvfb-run and saving a screenshot to $build/demo.png"
    exec xvfb-run -a "$build/app/hexmap" --demo --screenshot "$build/demo.png" "$@"
fi
# Until the GUI exists: the CLI on a demo file.
demo="${XDG_CACHE_HOME:-$HOME/.cache}/hexmap/demo.bin"
mkdir -p "$(dirname "$demo")"
[ -f "$demo" ] || "$build/app/hexmap-cli" create "$demo" 64M
"$build/app/hexmap-cli" info "$demo"
"$build/app/hexmap-cli" dump "$demo" --length 256
