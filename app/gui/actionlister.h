#pragma once

#include <QString>

class QMainWindow;

namespace hexmap {

// One line per action reachable from `window`'s menu bar, in menu order, tab separated:
//   MENU PATH <TAB> ACTION TEXT <TAB> SHORTCUTS (comma separated, native text, may be empty)
// Mnemonic ampersands are removed; separators are skipped. Used by `hexmap --list-actions` (docs/USAGE.md's
// shortcut table, the translation and accessibility tests). Thread: GUI thread only.
QString listMenuActions(const QMainWindow &window);

} // namespace hexmap
