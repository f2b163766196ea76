#pragma once

#include <QColor>

class QPalette;

namespace hexmap {

// The colours a hex view paints with, derived from a palette (light or dark): text and dimmed inks (offsets,
// zero bytes, non-printable marks), selection, cursor, header, the unsaved-edit ink and tint, and the tint of
// absent bytes (past the end of a file cut on disk).
// Plain value; any thread (fromPalette reads only the palette it is given).
struct HexColors {
    QColor base, text, offset, zero, nonPrintable, highlight, highlightedText, cursor, cursorText, header,
        headerText, separator;
    QColor edited, editedBackground; // unsaved overlay bytes: ink and cell tint
    QColor absent; // the tint of cells past the end of a file truncated on disk (drawn without a glyph)
    static HexColors fromPalette(const QPalette &palette);

    static QColor mix(const QColor &a, const QColor &b, qreal t); // t = weight of b
    static QColor opaque(const QColor &color, const QColor &under); // a translucent colour as drawn over `under`
};

} // namespace hexmap
