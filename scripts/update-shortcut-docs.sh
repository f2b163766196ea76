#!/usr/bin/env bash
# Writes the shortcut tables of README.md and docs/USAGE.md from what the app really binds: the output of
# `hexmap --list-actions` on X11 (the xcb platform, under `xvfb-run`), where the standard keys are X11's (Redo is
# Ctrl+Shift+Z, Close is Ctrl+W); the offscreen platform would give Windows' keys instead (Ctrl+Y, Ctrl+F4).
# The tables sit between "<!-- BEGIN shortcuts ... -->" and "<!-- END shortcuts -->" lines; the rest is left alone.
#   usage: scripts/update-shortcut-docs.sh [--check] [BUILD_DIR]     (default: build)
# --check changes nothing: exit 1 (with a diff) when a table differs from the app, 0 when both match (the ctest
# `shortcut_docs`). Exit 77 (ctest: skipped, not passed) when xvfb-run or the xcb platform is missing, since then
# the X11 keys cannot be known; 2 when the app does not run or the markers are missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
build="${1:-$root/build}"
app="$build/app/hexmap"
[ -x "$app" ] || { echo "update-shortcut-docs: $app: not built" >&2; exit 2; }
if ! command -v xvfb-run >/dev/null; then
    echo "update-shortcut-docs: xvfb-run not found: the X11 (xcb) keys cannot be listed; nothing compared" >&2
    exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A fresh configuration (no settings of the user's), English, the xcb platform whatever the caller exported.
if ! HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" LANG=C LC_ALL=C LANGUAGE= \
    xvfb-run -a env QT_QPA_PLATFORM=xcb "$app" --list-actions >"$tmp/actions.txt" 2>"$tmp/err.txt"; then
    if grep -q "xcb" "$tmp/err.txt"; then
        echo "update-shortcut-docs: the xcb platform does not start here; nothing compared:" >&2
        cat "$tmp/err.txt" >&2
        exit 77
    fi
    echo "update-shortcut-docs: $app --list-actions failed:" >&2
    cat "$tmp/err.txt" >&2
    exit 2
fi
platform="$(head -n 1 "$tmp/actions.txt")"
if [ "$platform" != "# platform: xcb" ]; then
    echo "update-shortcut-docs: listed the keys of \"$platform\", not of xcb" >&2
    exit 2
fi

for doc in README.md docs/USAGE.md; do
    mkdir -p "$(dirname "$tmp/new/$doc")"
    python3 - "$tmp/actions.txt" "$root/$doc" "$tmp/new/$doc" <<'EOF'
import sys

actions_path, doc_path, out_path = sys.argv[1:4]
rows = []
for line in open(actions_path, encoding="utf-8").read().splitlines():
    if not line or line.startswith("#"):
        continue
    menu, action, keys = line.split("\t")
    rows.append((menu, action.replace("|", "\\|"), keys))

def usage_table():
    out = ["| menu | action | shortcut |", "|---|---|---|"]
    out += [f"| {m} | {a} | {k or '—'} |" for m, a, k in rows]
    return out

def readme_table():
    keyed = [(k, a) for _, a, k in rows if k]
    out = ["| keys | action | keys | action |", "|---|---|---|---|"]
    half = (len(keyed) + 1) // 2
    for i in range(half):
        left = keyed[i]
        right = keyed[half + i] if half + i < len(keyed) else ("", "")
        out.append(f"| {left[0]} | {left[1]} | {right[0]} | {right[1]} |")
    return out

text = open(doc_path, encoding="utf-8").read().split("\n")
begin = [i for i, l in enumerate(text) if l.startswith("<!-- BEGIN shortcuts")]
end = [i for i, l in enumerate(text) if l.startswith("<!-- END shortcuts")]
if len(begin) != 1 or len(end) != 1 or end[0] < begin[0]:
    sys.exit(f"update-shortcut-docs: {doc_path}: needs one '<!-- BEGIN shortcuts' line and one '<!-- END shortcuts' line after it")
table = readme_table() if doc_path.endswith("README.md") else usage_table()
text[begin[0] + 1:end[0]] = table
open(out_path, "w", encoding="utf-8").write("\n".join(text))
EOF
done

status=0
for doc in README.md docs/USAGE.md; do
    if [ "$check" = 1 ]; then
        if ! diff -u "$root/$doc" "$tmp/new/$doc"; then
            echo "update-shortcut-docs: $doc: the shortcut table differs from \`hexmap --list-actions\` on xcb" \
                "(run scripts/update-shortcut-docs.sh)" >&2
            status=1
        fi
    elif ! cmp -s "$root/$doc" "$tmp/new/$doc"; then
        cp "$tmp/new/$doc" "$root/$doc"
        echo "update-shortcut-docs: updated $doc"
    fi
done
[ "$check" = 0 ] || [ "$status" = 1 ] || echo "update-shortcut-docs: README.md and docs/USAGE.md match the xcb keys"
exit "$status"
