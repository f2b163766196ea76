#!/usr/bin/env bash
# Builds the Debian package from BUILD_DIR (configured and built already), installs it with apt-get (which pulls
# the Qt packages dpkg-shlibdeps listed), checks both binaries run from /usr/bin, that the .desktop file and the
# icons are in /usr/share, then removes the package again. Needs root (or sudo). Exit 0 = all checks passed.
#   tests/package/test-deb.sh BUILD_DIR
set -euo pipefail
build="$(cd "${1:?usage: test-deb.sh BUILD_DIR}" && pwd)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' hexmap 2>/dev/null | grep -q "install ok installed"; then
    fail "a hexmap package is installed already; remove it first (apt-get remove hexmap)"
fi

cmake --build "$build" --target hexmap hexmap-cli
out="$(mktemp -d)"
trap '$sudo apt-get remove -y -qq hexmap >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
(cd "$out" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$out/cpack.log"; fail "cpack"; }
deb="$(ls "$out"/hexmap_*.deb)"
echo "test-deb: built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends

deps="$(dpkg-deb --field "$deb" Depends)"
for lib in libqt6core6 libqt6gui6 libqt6widgets6; do
    grep -q "$lib" <<<"$deps" || fail "Depends lacks $lib: $deps"
done
recommends="$(dpkg-deb --field "$deb" Recommends)"
grep -q "fonts-wqy-microhei" <<<"$recommends" || fail "Recommends lacks a CJK font (fonts-wqy-microhei): $recommends"

# apt-get wants a path with a slash for a local file; it resolves the dependencies from Debian's archive.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >"$out/apt.log" 2>&1 \
    || { cat "$out/apt.log"; fail "apt-get install"; }

[ -x /usr/bin/hexmap ] || fail "/usr/bin/hexmap missing"
[ -x /usr/bin/hexmap-cli ] || fail "/usr/bin/hexmap-cli missing"
cli_version="$(/usr/bin/hexmap-cli --version)" || fail "hexmap-cli --version exited $?"
gui_version="$(QT_QPA_PLATFORM=offscreen /usr/bin/hexmap --version)" || fail "hexmap --version exited $?"
echo "test-deb: $cli_version / $gui_version"
grep -q "^hexmap-cli [0-9]" <<<"$cli_version" || fail "unexpected hexmap-cli --version: $cli_version"
grep -q "^hexmap [0-9]" <<<"$gui_version" || fail "unexpected hexmap --version: $gui_version"
# The GUI really starts from the installed files: open a small file offscreen and save a screenshot.
printf 'hexmap package test\n' >"$out/sample.bin"
HOME="$out" QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/hexmap --screenshot "$out/shot.png" "$out/sample.bin" \
    || fail "hexmap --screenshot exited $?"
[ -s "$out/shot.png" ] || fail "hexmap wrote no screenshot"

desktop=/usr/share/applications/hexmap.desktop
[ -f "$desktop" ] || fail "$desktop missing"
grep -q '^Exec=hexmap' "$desktop" || fail "$desktop has no Exec=hexmap"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "desktop-file-validate"; fi
[ -f /usr/share/icons/hicolor/scalable/apps/hexmap.svg ] || fail "scalable icon missing"
for size in 16 32 48 128; do
    [ -f /usr/share/icons/hicolor/${size}x${size}/apps/hexmap.png ] || fail "${size}x${size} icon missing"
done

DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq hexmap >/dev/null
[ ! -e /usr/bin/hexmap ] || fail "/usr/bin/hexmap still there after removal"
[ ! -e "$desktop" ] || fail "$desktop still there after removal"
echo "test-deb: PASS"
