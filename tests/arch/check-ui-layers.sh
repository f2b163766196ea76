#!/usr/bin/env bash
# ui/ is arranged by feature in layers; a folder may include only the folders listed for it (and core/).
# Features (edit, jobs, find, bookmarks) never include each other: what two features share lives lower down.
# Run by ctest as ui_layers; prints every include that breaks the rule and fails.
set -euo pipefail
ui="${1:?usage: check-ui-layers.sh UI_DIR}"
declare -A allowed=(
    [common]=""
    [view]="common"
    [document]="common view"
    [pane]="common view document"
    [device]="common view document pane"
    [edit]="common view document pane device"
    [jobs]="common view document pane device"
    [find]="common view document pane"
    [bookmarks]="common view document pane"
    [analysis]="common view document pane"
    [compare]="common view document pane"
    [partitions]="common view document pane"
    [window]="common view document pane device edit jobs find bookmarks analysis compare partitions"
)
bad=0
for dir in "$ui"/*/; do
    folder=$(basename "$dir")
    if [ -z "${allowed[$folder]+set}" ]; then
        echo "ui/$folder: a folder with no place in the layers (add it to tests/arch/check-ui-layers.sh and docs/ARCHITECTURE.md)"
        bad=1
        continue
    fi
    while IFS=: read -r file include; do
        target=$(sed -E 's#.*"ui/([^/"]+)/.*#\1#' <<<"$include")
        [ "$target" = "$folder" ] && continue
        if ! grep -qw -- "$target" <<<"${allowed[$folder]}"; then
            echo "${file#"$ui"/}: includes ui/$target (ui/$folder may include: ${allowed[$folder]:-nothing in ui/})"
            bad=1
        fi
    done < <(grep -HoE '#include[[:space:]]*"ui/[^"]+"' "$dir"*.h "$dir"*.cpp 2>/dev/null || true)
done
for file in "$ui"/*.h "$ui"/*.cpp; do
    [ -e "$file" ] && { echo "${file#"$ui"/}: a source file directly in ui/ (put it in a feature folder)"; bad=1; }
done
grep -rlE '#include[[:space:]]*"(app|ui)/' "$ui/../core" && { echo "core/ includes ui/ or app/"; bad=1; }
exit $bad
