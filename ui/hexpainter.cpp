#include "ui/hexpainter.h"

#include <QPainter>
#include <QPalette>
#include <QStringList>

#include <algorithm>

namespace hexmap {

namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

QColor mix(const QColor &a, const QColor &b, qreal t) // t = weight of b
{
    const auto m = [t](float x, float y) { return x + float(t) * (y - x); };
    return QColor::fromRgbF(m(a.redF(), b.redF()), m(a.greenF(), b.greenF()), m(a.blueF(), b.blueF()));
}

bool isPrintable(std::byte b)
{
    return b >= std::byte{0x20} && b < std::byte{0x7F};
}

} // namespace

HexPainter::Colors HexPainter::Colors::fromPalette(const QPalette &p)
{
    Colors c;
    c.base = p.color(QPalette::Base);
    c.text = p.color(QPalette::Text);
    c.offset = mix(c.text, c.base, 0.40);
    c.zero = mix(c.text, c.base, 0.55);
    // Non-printable marks: a dimmed '.' in the link hue, so it never reads as a real '.' (0x2E).
    c.nonPrintable = mix(p.color(QPalette::Link), c.base, 0.35);
    c.highlight = p.color(QPalette::Highlight);
    c.highlightedText = p.color(QPalette::HighlightedText);
    c.cursor = c.text;
    c.cursorText = c.base;
    c.header = mix(c.base, c.text, 0.06);
    c.headerText = mix(c.text, c.base, 0.35);
    c.separator = mix(c.base, c.text, 0.25);
    // Unsaved edits: a warm red ink on a light orange tint, distinct from selection, highlights and zeros.
    const bool dark = c.base.lightnessF() < 0.5;
    c.edited = dark ? QColor(0xFF, 0x8A, 0x80) : QColor(0xC6, 0x28, 0x28);
    c.editedBackground = mix(c.base, QColor(0xFF, 0xA0, 0x30), dark ? 0.30 : 0.22);
    return c;
}

HexPainter::HexPainter()
{
    m_colors = Colors::fromPalette(QPalette());
}

void HexPainter::setFont(const QFont &font)
{
    m_font = font;
    m_rawFont = QRawFont::fromFont(font);
    m_glyph.fill(0);
    QString all;
    for (int c = 0x20; c < 0x7F; ++c)
        all.append(QChar(c));
    const QList<quint32> glyphs = m_rawFont.glyphIndexesForString(all);
    for (int i = 0; i < glyphs.size() && i < 0x7F - 0x20; ++i)
        m_glyph[std::size_t(0x20 + i)] = glyphs[i];
    m_glyphRun.setRawFont(m_rawFont);
}

std::span<const std::byte> HexPainter::rowBytes(const State &state, std::uint64_t row,
                                                std::array<std::byte, HexLayout::kMaxBytesPerRow> &scratch) const
{
    if (!state.file || !state.file->isValid())
        return {};
    const ByteRange r = state.layout->rowRange(row);
    const std::span<const std::byte> mapped = state.file->readSlice(r.offset, r.size);
    if (!state.overlay || mapped.size() > scratch.size() || !state.overlay->overlaps({r.offset, mapped.size()}))
        return mapped;
    std::copy(mapped.begin(), mapped.end(), scratch.begin());
    const std::span<std::byte> patched(scratch.data(), mapped.size());
    state.overlay->apply(r.offset, patched);
    return patched;
}

void HexPainter::put(Ink ink, qreal x, qreal y, char c, QString *record)
{
    Run &run = m_runs[std::size_t(ink)];
    run.glyphs.push_back(m_glyph[std::size_t(c) & 0x7F]);
    run.positions.emplace_back(x, y);
    if (record)
        record->append(QLatin1Char(c));
}

void HexPainter::flush(QPainter &painter)
{
    const QColor inks[InkCount] = {m_colors.text,   m_colors.zero,       m_colors.nonPrintable,
                                   m_colors.offset, m_colors.highlightedText, m_colors.cursorText,
                                   m_colors.edited};
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        Run &run = m_runs[i];
        if (run.glyphs.empty())
            continue;
        m_glyphRun.setRawData(run.glyphs.data(), run.positions.data(), int(run.glyphs.size()));
        painter.setPen(inks[i]);
        painter.drawGlyphRun(QPointF(0, 0), m_glyphRun);
        run.glyphs.clear(); // keeps the capacity: the next paint allocates nothing
        run.positions.clear();
    }
}

void HexPainter::fillSpan(QPainter &painter, const State &state, ByteRange range, std::uint64_t row, qreal top,
                          const QColor &color)
{
    const HexLayout &l = *state.layout;
    const ByteRange part = range.intersected(l.rowRange(row));
    if (part.isEmpty())
        return;
    const int a = l.columnOf(part.offset);
    const int b = l.columnOf(part.end() - 1);
    const qreal h = l.metrics().lineHeight;
    const qreal hx = l.xOfHexByte(a) + state.xShift;
    painter.fillRect(QRectF(hx, top, l.xOfHexByte(b) + l.hexByteWidth() + state.xShift - hx, h), color);
    const qreal ax = l.xOfAsciiByte(a) + state.xShift;
    painter.fillRect(QRectF(ax, top, l.xOfAsciiByte(b) + l.asciiByteWidth() + state.xShift - ax, h), color);
}

void HexPainter::paintRowBackground(QPainter &painter, const State &state, std::uint64_t row, qreal top)
{
    if (state.highlights) {
        for (const Highlight &h : *state.highlights)
            fillSpan(painter, state, h.range, row, top, h.color);
    }
    if (state.overlay) {
        state.overlay->forEachEditedSpan(state.layout->rowRange(row), [&](std::uint64_t at, std::uint64_t length) {
            fillSpan(painter, state, {at, length}, row, top, m_colors.editedBackground);
        });
    }
    fillSpan(painter, state, state.selection, row, top, m_colors.highlight);
}

void HexPainter::paintCursor(QPainter &painter, const State &state)
{
    const HexLayout &l = *state.layout;
    const auto place = [&](HexLayout::Area area) {
        return l.byteRect(area, state.cursor, state.firstRow).translated(state.xShift, state.yShift);
    };
    const HexLayout::Area other =
        state.activeArea == HexLayout::Area::Ascii ? HexLayout::Area::Hex : HexLayout::Area::Ascii;
    painter.fillRect(place(state.activeArea), m_colors.cursor);
    painter.save();
    painter.setPen(QPen(m_colors.cursor, 1));
    painter.setBrush(Qt::NoBrush);
    const QRectF o = place(other); // whole pixels: a crisp 1 px outline at any fractional char width
    const QRect r(QPoint(qRound(o.left()), qRound(o.top())), QPoint(qRound(o.right()) - 1, qRound(o.bottom()) - 1));
    painter.drawRect(r.adjusted(0, 0, -1, -1));
    painter.restore();
}

void HexPainter::paintRows(QPainter &painter, const State &state, std::uint64_t beginRow, std::uint64_t endRow,
                           int width, QStringList *record)
{
    (void)width;
    const HexLayout &l = *state.layout;
    if (!state.file || !state.file->isValid() || beginRow >= endRow)
        return;
    const qreal cw = l.metrics().charWidth;
    const qreal offsetX = l.offsetColumn().x + state.xShift;
    const int digits = l.offsetDigits();
    const bool cursorVisible = state.showCursor && l.rowOf(state.cursor) >= beginRow && l.rowOf(state.cursor) < endRow
        && state.cursor < l.fileSize();
    const bool hexActive = state.activeArea != HexLayout::Area::Ascii;
    std::array<std::byte, HexLayout::kMaxBytesPerRow> scratch;
    std::array<bool, HexLayout::kMaxBytesPerRow> edited;
    std::array<bool, HexLayout::kMaxBytesPerRow> pending; // inside a placeholder highlight: bytes not read
    QString line;
    QString *rec = nullptr;
    if (record) {
        line.reserve(digits + 4 * l.bytesPerRow() + 4);
        rec = &line;
    }
    for (std::uint64_t row = beginRow; row < endRow; ++row) {
        const qreal top = state.yShift + l.rowTop(state.firstRow, row);
        const qreal baseline = top + l.metrics().ascent;
        paintRowBackground(painter, state, row, top);
        const std::uint64_t start = l.rowStart(row);
        for (int i = 0; i < digits; ++i)
            put(Offset, offsetX + i * cw, baseline, kHexDigits[(start >> (4 * (digits - 1 - i))) & 0xF], rec);
        const std::span<const std::byte> bytes = rowBytes(state, row, scratch);
        edited.fill(false);
        if (state.overlay) {
            state.overlay->forEachEditedSpan({start, bytes.size()}, [&](std::uint64_t at, std::uint64_t length) {
                std::fill_n(edited.begin() + std::ptrdiff_t(at - start), length, true);
            });
        }
        pending.fill(false);
        if (state.highlights) {
            for (const Highlight &h : *state.highlights) {
                const ByteRange part = h.placeholder ? h.range.intersected({start, bytes.size()}) : ByteRange{};
                if (!part.isEmpty())
                    std::fill_n(pending.begin() + std::ptrdiff_t(part.offset - start), part.size, true);
            }
        }
        if (rec)
            rec->append(QLatin1Char(' '));
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            const std::uint64_t offset = start + i;
            if (pending[i]) {
                const qreal px = l.xOfHexByte(int(i)) + state.xShift;
                if (rec)
                    rec->append(QLatin1Char(' '));
                put(NonPrintable, px, baseline, '-', rec);
                put(NonPrintable, px + cw, baseline, '-', rec);
                continue;
            }
            const auto v = std::to_integer<unsigned>(bytes[i]);
            const bool selected = state.selection.contains(offset);
            const bool atCursor = cursorVisible && offset == state.cursor;
            const Ink base = selected ? Selected : (edited[i] ? Edited : Text);
            const Ink hexInk = atCursor && hexActive ? CursorInk : (v == 0 && base == Text ? Zero : base);
            const qreal x = l.xOfHexByte(int(i)) + state.xShift;
            if (rec)
                rec->append(QLatin1Char(' '));
            put(hexInk, x, baseline, kHexDigits[v >> 4], rec);
            put(hexInk, x + cw, baseline, kHexDigits[v & 0xF], rec);
        }
        if (rec)
            rec->append(QLatin1String("  "));
        const qreal asciiX = l.asciiColumn().x + state.xShift;
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (pending[i]) {
                put(NonPrintable, asciiX + qreal(i) * cw, baseline, '-', rec);
                continue;
            }
            const bool printable = isPrintable(bytes[i]);
            const std::uint64_t offset = start + i;
            Ink ink = state.selection.contains(offset) ? Selected : (edited[i] ? Edited : (printable ? Text : NonPrintable));
            if (cursorVisible && offset == state.cursor && !hexActive)
                ink = CursorInk;
            put(ink, asciiX + qreal(i) * cw, baseline, printable ? char(bytes[i]) : '.', rec);
        }
        if (rec) {
            record->append(line);
            line.clear();
        }
    }
    if (cursorVisible)
        paintCursor(painter, state);
    flush(painter);
}

void HexPainter::paintHeader(QPainter &painter, const State &state, int width, int height)
{
    const HexLayout &l = *state.layout;
    const qreal cw = l.metrics().charWidth;
    painter.fillRect(QRect(0, 0, width, height), m_colors.header);
    painter.fillRect(QRect(0, height - 1, width, 1), m_colors.separator);
    const qreal baseline = (height - 1 - l.metrics().lineHeight) / 2.0 + l.metrics().ascent;
    const QColor saved = m_colors.offset;
    m_colors.offset = m_colors.headerText;
    const char *label = l.offsetDigits() >= 6 ? "Offset" : "Off";
    for (int i = 0; label[i]; ++i)
        put(Offset, l.offsetColumn().x + state.xShift + i * cw, baseline, label[i], nullptr);
    for (int col = 0; col < l.bytesPerRow(); col += l.groupSize()) {
        const qreal x = l.xOfHexByte(col) + state.xShift;
        put(Offset, x, baseline, kHexDigits[(col >> 4) & 0xF], nullptr);
        put(Offset, x + cw, baseline, kHexDigits[col & 0xF], nullptr);
    }
    for (int col = 0; col < l.bytesPerRow(); ++col)
        put(Offset, l.xOfAsciiByte(col) + state.xShift, baseline, kHexDigits[col & 0xF], nullptr);
    flush(painter);
    m_colors.offset = saved;
}

} // namespace hexmap
