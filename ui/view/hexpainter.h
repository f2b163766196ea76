#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "ui/view/hexcolors.h"
#include "ui/view/hexlayout.h"
#include "ui/view/highlight.h"
#include "ui/view/rowcomposer.h"
#include "ui/view/rowstrip.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QStringList>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

class QPainter;
class QPalette;


namespace hexmap {

// HexPainter paints the header and rows [a, b) of a hex view into a QPainter, reading each row's bytes of the
// document (a PieceSnapshot over the file) through a RowComposer (the one place the edits are merged: a row without
// edits is one lookup and a view of the mapping). Each row is composed into an opaque RowStrip (background
// runs, then character cells copied from pre-rendered CellSheets) and drawn with one drawImage: no glyph blending,
// no text shaping, no heap allocation per row. The header is composed the same way, from the same sheets.
// Thread: GUI thread (it holds fonts and buffers); a painter must not be shared between threads.
class HexPainter
{
public:
    using Colors = HexColors; // the palette-derived colours of a paint
    // Everything one paint needs. Coordinates: content x is shifted by xShift (negative when scrolled right),
    // row y by yShift (the header's height).
    struct State {
        const HexLayout *layout = nullptr;
        const MappedFile *file = nullptr; // may be invalid: nothing but the background is painted
        // The document: the file with its edits (its originalSize() is the file's size; layout->fileSize() its
        // size). Null: the file without edits.
        const PieceSnapshot *snapshot = nullptr;
        std::uint64_t firstRow = 0;
        std::uint64_t cursor = 0;
        HexLayout::Area activeArea = HexLayout::Area::Hex; // Hex or Ascii: that column's cursor is solid
        bool showCursor = true;
        // Insert mode: the cursor (which may then be layout->fileSize(), the append position) is a thin bar before
        // its cell (HexLayout::insertCaretRect), wide in the active column and 1 px in the other, not a block.
        bool insertCaret = false;
        // Overwrite editing: the hex cursor is solid only over the nibble the next typed digit goes to, and the
        // byte gets a 1 px outline. nullopt: the whole byte is solid (browsing). Ignored in the ASCII column.
        std::optional<HexLayout::Nibble> caretNibble;
        ByteRange selection;
        const std::vector<Highlight> *highlights = nullptr;
        // The end of the bytes that exist on disk (the file's size on disk when another program truncated it
        // under the mapping), in the file's offsets. Document bytes that are file bytes at or past it are painted as
        // absent cells (blank, on the absent tint: never a `00`) and are never read through the mapping.
        std::uint64_t readableEnd = UINT64_MAX;
        qreal xShift = 0;
        int yShift = 0;
    };

    HexPainter();

    void setFont(const QFont &font); // a monospace font (the cell sheets are rendered from it on the next paint)
    const QFont &font() const { return m_font; }
    void setColors(const Colors &colors) { m_colors = colors; }
    const Colors &colors() const { return m_colors; }

    // Paints rows [beginRow, endRow) (their background included) and returns the rectangle it covered (the rows'
    // band, as wide as the content or `width`). When record is non-null, appends one line of text per painted row
    // made of exactly the characters whose glyphs were drawn.
    QRect paintRows(QPainter &painter, const State &state, std::uint64_t beginRow, std::uint64_t endRow,
                   int width, QStringList *record = nullptr);
    // Paints the header band (column offsets "00 01 ..." above the hex and ASCII columns) of the given height.
    void paintHeader(QPainter &painter, const State &state, int width, int height);

private:
    enum Ink { Text, Zero, NonPrintable, Offset, Selected, CursorInk, Edited, InkCount };
    // Per byte of the row at `start`, the background: base < highlights < edits (m_rows' marks) < selection.
    void rowBackgrounds(const State &state, std::uint64_t start, std::size_t count, bool anyEdited,
                        std::array<QRgb, HexLayout::kMaxBytesPerRow> &bg) const;
    // The insert caret's bars in the row strip (the active column's wide one, the other's 1 px).
    void paintInsertCaret(const State &state, qreal dpr);
    void paintCursorOutline(QPainter &painter, const State &state);

    QFont m_font;
    Colors m_colors;
    RowStrip m_strip;
    RowComposer m_rows;
};

} // namespace hexmap
