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

// The WCAG 2 contrast ratio of two colours, from 1 (the same luminance) to 21 (black on white); body text wants at
// least 4.5. Alpha is ignored.
double contrastRatio(const QColor &a, const QColor &b);

// A colour for error and warning text on `palette`'s Window: an orange-red that keeps a contrast of at least 4.5
// there, darker on light palettes and lighter on dark ones. Widgets that set it must set it again on PaletteChange.
QColor errorTextColor(const QPalette &palette);

} // namespace hexmap
