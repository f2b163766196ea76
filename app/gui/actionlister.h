#pragma once

#include <QString>

class QMainWindow;

namespace hexmap {

// First "# platform: NAME", the Qt platform the keys are those of (xcb, wayland, offscreen: the standard keys of
// QKeySequence differ between them, e.g. Redo is Ctrl+Y under offscreen and Ctrl+Shift+Z under xcb). Then one line
// per action reachable from `window`'s menu bar, in menu order, tab separated:
//   MENU PATH <TAB> ACTION TEXT <TAB> SHORTCUTS (comma separated, native text, may be empty)
// Mnemonic ampersands are removed; separators are skipped. Used by `hexmap --list-actions` (the shortcut tables of
// README.md and docs/USAGE.md through scripts/update-shortcut-docs.sh, the translation and accessibility tests).
// Thread: GUI thread only.
QString listMenuActions(const QMainWindow &window);

} // namespace hexmap
