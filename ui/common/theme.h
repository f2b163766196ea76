#pragma once

#include "ui/common/preferences.h"

#include <QPalette>

namespace hexmap {

// Applies a colour theme to the whole application: System restores the style and palette the application
// started with (remembered on the first call); Light and Dark use the Fusion style with a light or dark palette.
// Widgets, the hex view included, repaint through QEvent::PaletteChange. Thread: GUI thread only, QApplication
// must exist.
void applyTheme(Preferences::Theme theme);

// The dark palette used by Theme::Dark (also HEXMAP_PALETTE=dark on the command line).
QPalette darkPalette();

} // namespace hexmap
