#include "ui/view/hexpainter.h"

#include <QPainter>
#include <QPalette>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace hexmap {

namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool isPrintable(std::byte b)
{
    return b >= std::byte{0x20} && b < std::byte{0x7F};
}

} // namespace

HexPainter::HexPainter()
{
    m_colors = Colors::fromPalette(QPalette());
}

void HexPainter::setFont(const QFont &font) { m_font = font; }

void HexPainter::paintInsertCaret(const State &state, qreal dpr)
{
    const HexLayout &l = *state.layout;
    const auto dx = [dpr](qreal x) { return int(std::floor(x * dpr + 0.5)); };
    const QRgb cursor = m_colors.cursor.rgb();
    const int thin = std::max(1, int(std::floor(dpr + 0.5)));
    for (const auto area : {HexLayout::Area::Hex, HexLayout::Area::Ascii}) {
        const QRectF bar = l.insertCaretRect(area, state.cursor, state.firstRow);
        const int x0 = dx(bar.left());
        m_strip.fill(x0, area == state.activeArea ? std::max(x0 + thin, dx(bar.right())) : x0 + thin, cursor);
    }
}

void HexPainter::paintCursorOutline(QPainter &painter, const State &state)
{
    // The active column's cursor cell is composed into the row strip; the other column gets a 1 px outline, and so
    // does the whole hex byte when only one nibble of it is solid (the nibble caret).
    const HexLayout &l = *state.layout;
    const bool hexActive = state.activeArea != HexLayout::Area::Ascii;
    const auto outline = [&](HexLayout::Area area) {
        const QRectF o = l.byteRect(area, state.cursor, state.firstRow).translated(state.xShift, state.yShift);
        const QRect r(QPoint(qRound(o.left()), qRound(o.top())),
                      QPoint(qRound(o.right()) - 1, qRound(o.bottom()) - 1));
        painter.drawRect(r.adjusted(0, 0, -1, -1)); // whole pixels: a crisp outline at any char width
    };
    painter.save();
    painter.setPen(QPen(m_colors.cursor, 1));
    painter.setBrush(Qt::NoBrush);
    outline(hexActive ? HexLayout::Area::Ascii : HexLayout::Area::Hex);
    if (hexActive && state.caretNibble)
        outline(HexLayout::Area::Hex);
    painter.restore();
}

void HexPainter::rowBackgrounds(const State &state, std::uint64_t start, std::size_t count, bool anyEdited,
                                std::array<QRgb, HexLayout::kMaxBytesPerRow> &bg) const
{
    const QColor &base = m_colors.base;
    std::fill_n(bg.begin(), count, base.rgb());
    const ByteRange row{start, count};
    const auto paint = [&](ByteRange range, QRgb color) {
        const ByteRange part = range.intersected(row);
        if (!part.isEmpty())
            std::fill_n(bg.begin() + std::ptrdiff_t(part.offset - start), part.size, color);
    };
    if (state.highlights)
        for (const Highlight &h : *state.highlights)
            paint(h.range, HexColors::opaque(h.color, base).rgb());
    if (anyEdited) {
        const QRgb edited = HexColors::opaque(m_colors.editedBackground, base).rgb();
        for (std::size_t i = 0; i < count; ++i)
            if (m_rows.isEdited(i))
                bg[i] = edited;
    }
    paint(state.selection, HexColors::opaque(m_colors.highlight, base).rgb());
}

QRect HexPainter::paintRows(QPainter &painter, const State &state, std::uint64_t beginRow, std::uint64_t endRow,
                           int width, QStringList *record)
{
    const HexLayout &l = *state.layout;
    if (!state.file || !state.file->isValid() || beginRow >= endRow)
        return {};
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    m_strip.configure(m_font, dpr, qRound(l.metrics().charWidth), l.metrics().lineHeight, l.metrics().ascent);
    const auto dx = [dpr](qreal x) { return int(std::floor(x * dpr + 0.5)); }; // content x -> strip column
    const int digits = l.offsetDigits();
    // The cursor's row is painted; a block cursor stands on a byte, the insert bar also after the last one.
    const std::uint64_t cursorEnd = state.insertCaret ? l.lastCursorOffset() : l.lastOffset();
    const bool cursorVisible = state.showCursor && l.rowOf(state.cursor) >= beginRow &&
                               l.rowOf(state.cursor) < endRow && state.cursor <= cursorEnd &&
                               (state.insertCaret || state.cursor < l.fileSize());
    const bool hexActive = state.activeArea != HexLayout::Area::Ascii;
    const QRgb base = m_colors.base.rgb();
    const QRgb absent = m_colors.absent.rgb();
    const QRgb inks[InkCount] = {m_colors.text.rgb(),   m_colors.zero.rgb(),           m_colors.nonPrintable.rgb(),
                                 m_colors.offset.rgb(), m_colors.highlightedText.rgb(), m_colors.cursorText.rgb(),
                                 m_colors.edited.rgb()};
    std::array<bool, HexLayout::kMaxBytesPerRow> pending; // inside a placeholder highlight: bytes not read
    std::array<QRgb, HexLayout::kMaxBytesPerRow> bg;
    QString line;
    QString *rec = nullptr;
    if (record) {
        line.reserve(digits + 4 * l.bytesPerRow() + 4);
        rec = &line;
    }
    const auto put = [&](int x, char c, Ink ink, QRgb background) {
        m_strip.put(x, c, inks[ink], background);
        if (rec)
            rec->append(QLatin1Char(c));
    };
    const int offsetX = dx(l.offsetColumn().x);
    const int cell = m_strip.cellWidth();
    // Strip columns of each byte's cells, and of the end of its hex cell, computed once per paint.
    std::array<int, HexLayout::kMaxBytesPerRow> hexX, hexEnd, asciiX;
    for (int i = 0; i < l.bytesPerRow(); ++i) {
        hexX[std::size_t(i)] = dx(l.xOfHexByte(i));
        hexEnd[std::size_t(i)] = dx(l.xOfHexByte(i) + l.hexByteWidth());
        asciiX[std::size_t(i)] = dx(l.xOfAsciiByte(i));
    }
    const int asciiCell = dx(l.asciiByteWidth());
    const int stripWidth = std::min(int(std::ceil(l.totalWidth() * dpr)), int(std::ceil((width - state.xShift) * dpr)));
    for (std::uint64_t row = beginRow; row < endRow; ++row) {
        const qreal top = state.yShift + l.rowTop(state.firstRow, row);
        m_strip.begin(stripWidth, base); // only up to the viewport's right edge
        const std::uint64_t start = l.rowStart(row);
        for (int i = 0; i < digits; ++i)
            put(offsetX + i * cell, kHexDigits[(start >> (4 * (digits - 1 - i))) & 0xF], Offset, base);
        const RowComposer::Row composed =
            m_rows.compose(*state.file, state.snapshot, l.rowRange(row), state.readableEnd);
        const std::span<const std::byte> bytes = composed.bytes;
        const std::size_t n = bytes.size();
        // Bytes of the file that exist in the mapping but no longer on disk (truncated by another program): absent.
        const auto absentAt = [&](std::size_t i) { return composed.anyAbsent && m_rows.isAbsent(i); };
        const auto editedAt = [&](std::size_t i) { return composed.anyEdited && m_rows.isEdited(i); };
        pending.fill(false);
        if (state.highlights)
            for (const Highlight &h : *state.highlights) {
                const ByteRange part = h.placeholder ? h.range.intersected({start, n}) : ByteRange{};
                if (!part.isEmpty())
                    std::fill_n(pending.begin() + std::ptrdiff_t(part.offset - start), part.size, true);
            }
        rowBackgrounds(state, start, n, composed.anyEdited, bg);
        if (composed.anyAbsent)
            for (std::size_t i = 0; i < n; ++i)
                if (m_rows.isAbsent(i))
                    bg[i] = absent;
        // Background runs: a run of equal colour covers its bytes and the gaps between them, in both columns.
        for (std::size_t a = 0; a < n;) {
            std::size_t b = a + 1;
            while (b < n && bg[b] == bg[a])
                ++b;
            if (bg[a] != base) {
                m_strip.fill(hexX[a], hexEnd[b - 1], bg[a]);
                m_strip.fill(asciiX[a], asciiX[b - 1] + asciiCell, bg[a]);
            }
            a = b;
        }
        // The cursor: a solid cell in the active column (the other one gets an outline after the rows); in insert
        // mode a bar drawn after the glyphs instead.
        const bool caretInRow = cursorVisible && l.rowOf(state.cursor) == row;
        const std::size_t cursorAt =
            caretInRow && !state.insertCaret && state.cursor - start < n ? std::size_t(state.cursor - start) : n;
        const QRgb cursorRgb = m_colors.cursor.rgb();
        // With a nibble caret only that digit's cell is solid (the low digit's cell starts one cell after the high).
        const bool highSolid = hexActive && state.caretNibble != HexLayout::Nibble::Low;
        const bool lowSolid = hexActive && state.caretNibble != HexLayout::Nibble::High;
        if (cursorAt < n) {
            if (hexActive)
                m_strip.fill(highSolid ? hexX[cursorAt] : hexX[cursorAt] + cell,
                             lowSolid ? hexEnd[cursorAt] : hexX[cursorAt] + cell, cursorRgb);
            else
                m_strip.fill(asciiX[cursorAt], asciiX[cursorAt] + asciiCell, cursorRgb);
        }
        if (rec)
            rec->append(QLatin1Char(' '));
        for (std::size_t i = 0; i < n; ++i) {
            const int x = hexX[i];
            if (rec)
                rec->append(QLatin1Char(' '));
            if (absentAt(i)) { // no glyph, only the tint
                if (rec)
                    rec->append(QLatin1String("  "));
                continue;
            }
            if (pending[i]) {
                put(x, '-', NonPrintable, bg[i]);
                put(x + cell, '-', NonPrintable, bg[i]);
                continue;
            }
            const auto v = std::to_integer<unsigned>(bytes[i]);
            const std::uint64_t offset = start + i;
            const Ink ink = state.selection.contains(offset) ? Selected : (editedAt(i) ? Edited : Text);
            const bool atCursor = i == cursorAt && hexActive;
            const Ink hexInk = v == 0 && ink == Text ? Zero : ink;
            const bool high = atCursor && highSolid, low = atCursor && lowSolid;
            put(x, kHexDigits[v >> 4], high ? CursorInk : hexInk, high ? cursorRgb : bg[i]);
            put(x + cell, kHexDigits[v & 0xF], low ? CursorInk : hexInk, low ? cursorRgb : bg[i]);
        }
        if (rec)
            rec->append(QLatin1String("  "));
        for (std::size_t i = 0; i < n; ++i) {
            const int x = asciiX[i];
            if (absentAt(i)) {
                if (rec)
                    rec->append(QLatin1Char(' '));
                continue;
            }
            if (pending[i]) {
                put(x, '-', NonPrintable, bg[i]);
                continue;
            }
            const bool printable = isPrintable(bytes[i]);
            const std::uint64_t offset = start + i;
            Ink ink = state.selection.contains(offset) ? Selected
                                                       : (editedAt(i) ? Edited : (printable ? Text : NonPrintable));
            const bool atCursor = i == cursorAt && !hexActive;
            put(x, printable ? char(bytes[i]) : '.', atCursor ? CursorInk : ink, atCursor ? cursorRgb : bg[i]);
        }
        if (caretInRow && state.insertCaret)
            paintInsertCaret(state, dpr);
        m_strip.draw(painter, 0, top, -state.xShift * dpr, width);
        if (rec) {
            record->append(line);
            line.clear();
        }
    }
    if (cursorVisible && !state.insertCaret)
        paintCursorOutline(painter, state);
    const int top = state.yShift + l.rowTop(state.firstRow, beginRow);
    const qreal right = std::min<qreal>(width, l.totalWidth() + state.xShift);
    return QRect(0, top, std::max(0, int(std::floor(right))), int(endRow - beginRow) * l.metrics().lineHeight);
}

void HexPainter::paintHeader(QPainter &painter, const State &state, int width, int height)
{
    // Composed like a row, from the same cell sheets (so the same font, with the same fallback for the digits, as
    // the cells below it: a raw font of the family alone drew empty boxes when that family had no Latin glyphs).
    const HexLayout &l = *state.layout;
    painter.fillRect(QRect(0, 0, width, height), m_colors.header);
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    m_strip.configure(m_font, dpr, qRound(l.metrics().charWidth), l.metrics().lineHeight, l.metrics().ascent);
    const auto dx = [dpr](qreal x) { return int(std::floor(x * dpr + 0.5)); };
    const int stripWidth = std::min(int(std::ceil(l.totalWidth() * dpr)), int(std::ceil((width - state.xShift) * dpr)));
    const QRgb background = m_colors.header.rgb();
    const QRgb ink = m_colors.headerText.rgb();
    const int cell = m_strip.cellWidth();
    m_strip.begin(stripWidth, background);
    const char *label = l.offsetDigits() >= 6 ? "Offset" : "Off";
    for (int i = 0; label[i]; ++i)
        m_strip.put(dx(l.offsetColumn().x) + i * cell, label[i], ink, background);
    for (int col = 0; col < l.bytesPerRow(); col += l.groupSize()) {
        const int x = dx(l.xOfHexByte(col));
        m_strip.put(x, kHexDigits[(col >> 4) & 0xF], ink, background);
        m_strip.put(x + cell, kHexDigits[col & 0xF], ink, background);
    }
    for (int col = 0; col < l.bytesPerRow(); ++col)
        m_strip.put(dx(l.xOfAsciiByte(col)), kHexDigits[col & 0xF], ink, background);
    const int top = std::max(0, (height - 1 - l.metrics().lineHeight) / 2);
    m_strip.draw(painter, 0, top, -state.xShift * dpr, width);
    painter.fillRect(QRect(0, height - 1, width, 1), m_colors.separator);
}

} // namespace hexmap
