#pragma once

#include "core/byterange.h"
#include "ui/view/scrollscaler.h"

#include <QPoint>
#include <QRect>
#include <QRectF>
#include <QtGlobal>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

class QFontMetricsF;

namespace hexmap {

// HexLayout: the geometry of the hex view, with no QObject and no widget.
//  - rows: row r holds the bytes [r * bytesPerRow, min((r + 1) * bytesPerRow, fileSize)); all offsets, rows and
//    sizes are std::uint64_t and every computation is overflow-free up to fileSize == UINT64_MAX;
//  - the append position (insert mode, setAppendPosition(true)): the cursor may also stand at fileSize, one past the
//    last byte (the only position of an empty document); when fileSize is a multiple of bytesPerRow that position
//    starts a row of its own with no bytes, which then counts in rowCount(), scrolling and hit testing;
//  - columns (left to right, in content x pixels): margin, offset (offsetDigits() hex digits), gap, hex bytes
//    (bytes of a group adjacent or spaced by byteGap chars, groups separated by groupGap chars), gap, ASCII, margin.
//    Every x is (a whole number of character cells) * charWidth, computed in O(1);
//  - y: content y is relative to the top of the first visible row (the view subtracts any header itself);
//  - the vertical scroll bar: an int value <-> first visible row through ScrollScaler (identity while the rows
//    fit in scrollLimit(), scaled beyond; value 0 == row 0, scrollMaximum() == the last page exactly).
// Plain value type: any thread may use its own copy; not safe for concurrent mutation.
class HexLayout
{
public:
    // Font numbers passed in, so tests need no font. lineHeight is whole pixels so rows never drift.
    struct Metrics {
        qreal charWidth = 8.0;  // advance of one character of a monospace font (> 0)
        int lineHeight = 16;    // height of one row in pixels (>= 1)
        qreal ascent = 12.0;    // baseline offset from a row's top
        static Metrics fromFont(const QFontMetricsF &fm); // needs a QGuiApplication (font database)
    };
    // Gaps in the hex column, in character cells.
    struct Spacing {
        int byteGap = 0;  // between two bytes of the same group: 0 -> "DEADBEEF" for groups of 4
        int groupGap = 1; // between groups: 1 -> "DE AD BE EF" for groups of 1
    };
    enum class Area { Offset, Hex, Ascii };
    enum class Nibble { High, Low };
    struct Cell {
        std::uint64_t offset = 0;
        Area area = Area::Hex;
        Nibble nibble = Nibble::High;
        bool clamped = false; // the point lay outside the file (after the last byte, before row 0) and was clamped
    };
    struct Span {
        qreal x = 0;
        qreal width = 0;
        qreal right() const { return x + width; }
    };

    static constexpr int kMaxBytesPerRow = 1024;
    static constexpr int kMinOffsetDigits = 8;
    static constexpr int kMarginChars = 1;    // left of the offset column and right of the ASCII column
    static constexpr int kColumnGapChars = 2; // between offset and hex, and between hex and ASCII

    HexLayout();

    // groupSize is rounded down to 1, 2, 4 or 8; bytesPerRow is clamped to [groupSize, kMaxBytesPerRow] and
    // rounded down to a multiple of groupSize; charWidth <= 0 and lineHeight < 1 are replaced by 1.
    void configure(std::uint64_t fileSize, int bytesPerRow, int groupSize, const Metrics &metrics,
                   Spacing spacing);
    void configure(std::uint64_t fileSize, int bytesPerRow, int groupSize, const Metrics &metrics); // Spacing{}

    std::uint64_t fileSize() const { return m_fileSize; }
    int bytesPerRow() const { return m_bytesPerRow; }
    int groupSize() const { return m_groupSize; }
    // Insert mode: the cursor may stand at fileSize() (see the class comment). Kept across configure().
    void setAppendPosition(bool on);
    bool hasAppendPosition() const { return m_append; }
    const Metrics &metrics() const { return m_metrics; }
    Spacing spacing() const { return m_spacing; }

    // ---- rows and offsets ------------------------------------------------------------------------------------
    std::uint64_t rowCount() const; // 0 for an empty file
    std::uint64_t rowOf(std::uint64_t offset) const { return offset / bpr(); }
    int columnOf(std::uint64_t offset) const { return int(offset % bpr()); }
    std::uint64_t rowStart(std::uint64_t row) const; // row * bytesPerRow, saturating at UINT64_MAX
    ByteRange rowRange(std::uint64_t row) const;     // the file bytes of that row (empty past the last row)
    std::uint64_t lastOffset() const { return m_fileSize ? m_fileSize - 1 : 0; }
    // The last offset the cursor may stand on: fileSize() with the append position (saturated at UINT64_MAX), else
    // lastOffset().
    std::uint64_t lastCursorOffset() const;
    int offsetDigits() const { return m_offsetDigits; } // hex digits for lastCursorOffset(), 8..16

    // ---- horizontal geometry (content x, pixels) -------------------------------------------------------------
    Span offsetColumn() const;
    Span hexColumn() const;
    Span asciiColumn() const;
    qreal totalWidth() const;
    qreal xOfHexByte(int column) const;   // left edge of the high nibble; columns outside the row are clamped
    qreal xOfAsciiByte(int column) const; // left edge of the character
    qreal hexByteWidth() const { return 2 * m_metrics.charWidth; }
    qreal asciiByteWidth() const { return m_metrics.charWidth; }
    // Largest power of two in [groupSize, maxBytesPerRow] whose totalWidth() fits the width; groupSize if none.
    int fitBytesPerRow(qreal viewportWidth, int maxBytesPerRow = 64) const;

    // ---- vertical geometry ----------------------------------------------------------------------------------
    std::uint64_t pageRows(int viewportHeight) const;    // fully visible rows, at least 1
    std::uint64_t visibleRows(int viewportHeight) const; // rows touching the viewport (partial last row counts)
    // Top y of a row relative to the first visible row, saturated to +-(1 << 24) for rows far off screen.
    int rowTop(std::uint64_t firstRow, std::uint64_t row) const;
    // Half-open [begin, end) of the rows that intersect rect (content coords), clipped to the file's rows.
    std::pair<std::uint64_t, std::uint64_t> rowsInRect(std::uint64_t firstRow, const QRect &rect) const;
    // The rectangle of one byte's cell in the hex or ASCII area (Offset gives the offset column of its row).
    QRectF byteRect(Area area, std::uint64_t offset, std::uint64_t firstRow) const;
    // The character cell of one nibble of a byte in the hex area (the left cell is the high nibble).
    QRectF nibbleRect(std::uint64_t offset, Nibble nibble, std::uint64_t firstRow) const;
    // The insert-mode caret: a thin vertical bar at the left edge of the cell of `offset` in the hex or ASCII area
    // (the place a typed byte goes, before the byte now there), insertCaretWidth() wide, as high as a row. Any
    // offset, also fileSize() (the append position, after the last byte).
    QRectF insertCaretRect(Area area, std::uint64_t offset, std::uint64_t firstRow) const;
    qreal insertCaretWidth() const; // max(2, charWidth / 4) pixels, at most one cell

    // ---- hit testing ----------------------------------------------------------------------------------------
    // The byte under a content point. Gaps belong to the nearer byte (left half -> previous byte's low nibble,
    // right half -> next byte's high nibble). x left of the middle of the offset/hex gap is Area::Offset
    // (offset = the row's first byte); x right of the middle of the hex/ASCII gap is Area::Ascii. Rows above
    // row 0 or below the last row, and columns past the last byte, are clamped to lastCursorOffset() (clamped =
    // true): with the append position a click past the last byte lands on fileSize(). nullopt only for an empty
    // file without the append position.
    std::optional<Cell> cellAt(QPoint point, std::uint64_t firstRow) const;

    // ---- vertical scroll bar --------------------------------------------------------------------------------
    // The view keeps firstRow as the truth: on a user bar action it sets firstRow = firstRowForScrollValue(value)
    // and writes back scrollValueForFirstRow(firstRow) after keyboard/Go to moves; value -> row -> value is exact,
    // so the write-back never moves the bar (see ScrollScaler). Arrow/page actions may also move by rows directly.
    void setScrollLimit(int limit); // largest bar maximum before scaling; clamped to [16, INT_MAX]
    int scrollLimit() const { return m_scrollLimit; }
    std::uint64_t maxFirstRow(std::uint64_t pageRows) const; // first row showing the last page
    ScrollScaler scroller(std::uint64_t pageRows) const { return ScrollScaler(maxFirstRow(pageRows), m_scrollLimit); }
    int scrollMaximum(std::uint64_t pageRows) const { return scroller(pageRows).maximum(); }
    int scrollPageStep(std::uint64_t pageRows) const { return int(std::min<std::uint64_t>(pageRows, 1 << 20)); }
    std::uint64_t firstRowForScrollValue(int value, std::uint64_t pageRows) const
    {
        return scroller(pageRows).rowForValue(value);
    }
    int scrollValueForFirstRow(std::uint64_t row, std::uint64_t pageRows) const
    {
        return scroller(pageRows).valueForRow(row);
    }
    std::uint64_t clampFirstRow(std::uint64_t row, std::uint64_t pageRows) const;
    // The first row to use so that offset's row is fully visible, moving as little as possible from firstRow.
    std::uint64_t firstRowToShow(std::uint64_t offset, std::uint64_t firstRow, std::uint64_t pageRows) const;

private:
    std::uint64_t bpr() const { return std::uint64_t(m_bytesPerRow); }
    int groupChars() const; // width of one group in character cells
    int hexCharsBefore(int column) const;
    int hexChars(int bytesPerRow) const;
    int totalChars(int bytesPerRow) const;
    Area areaAt(qreal chars) const;
    int hexColumnAt(qreal chars, Nibble *nibble) const;

    void updateOffsetDigits();

    std::uint64_t m_fileSize = 0;
    bool m_append = false;
    int m_bytesPerRow = 16;
    int m_groupSize = 1;
    int m_offsetDigits = kMinOffsetDigits;
    Metrics m_metrics;
    Spacing m_spacing;
    int m_scrollLimit = ScrollScaler::kDefaultLimit;
};

} // namespace hexmap
