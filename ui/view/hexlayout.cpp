#include "ui/view/hexlayout.h"

#include <QFontMetricsF>
#include <QString>
#include <QtMath>

#include <algorithm>
#include <climits>
#include <cmath>

namespace hexmap {

namespace {

// floor(n / d) for d > 0, rounding toward minus infinity.
qint64 floorDiv(qint64 n, qint64 d)
{
    const qint64 q = n / d;
    return (n % d != 0 && n < 0) ? q - 1 : q;
}

// base + delta, saturated to [0, UINT64_MAX]; *underflow tells whether it went below 0.
std::uint64_t addSigned(std::uint64_t base, qint64 delta, bool *underflow = nullptr)
{
    bool under = false;
    std::uint64_t r;
    if (delta >= 0) {
        const auto d = std::uint64_t(delta);
        r = d > UINT64_MAX - base ? UINT64_MAX : base + d;
    } else {
        const std::uint64_t d = std::uint64_t(-(delta + 1)) + 1; // |delta| without overflow at INT64_MIN
        under = d > base;
        r = under ? 0 : base - d;
    }
    if (underflow)
        *underflow = under;
    return r;
}

int hexDigits(std::uint64_t value)
{
    int n = 1;
    while (value >>= 4)
        ++n;
    return n;
}

constexpr int kFarPixels = 1 << 24;

} // namespace

HexLayout::Metrics HexLayout::Metrics::fromFont(const QFontMetricsF &fm)
{
    Metrics m;
    qreal w = 0;
    for (const QChar c : QStringLiteral("0123456789ABCDEFabcdefW."))
        w = std::max(w, fm.horizontalAdvance(c));
    // Whole pixels: every cell starts on a pixel, so rows are composed from pre-rendered cells (RowStrip).
    m.charWidth = std::max<qreal>(1.0, std::round(w));
    m.lineHeight = std::max(1, qCeil(fm.height()));
    m.ascent = fm.ascent();
    return m;
}

HexLayout::HexLayout() = default;

void HexLayout::configure(std::uint64_t fileSize, int bytesPerRow, int groupSize, const Metrics &metrics,
                          Spacing spacing)
{
    m_fileSize = fileSize;
    m_groupSize = groupSize >= 8 ? 8 : groupSize >= 4 ? 4 : groupSize >= 2 ? 2 : 1;
    const int clamped = std::clamp(bytesPerRow, m_groupSize, kMaxBytesPerRow);
    m_bytesPerRow = clamped - clamped % m_groupSize;
    m_metrics = metrics;
    if (!(m_metrics.charWidth > 0))
        m_metrics.charWidth = 1.0;
    m_metrics.lineHeight = std::max(1, m_metrics.lineHeight);
    m_spacing.byteGap = std::clamp(spacing.byteGap, 0, 8);
    m_spacing.groupGap = std::clamp(spacing.groupGap, 0, 8);
    updateOffsetDigits();
}

void HexLayout::updateOffsetDigits()
{
    m_offsetDigits = std::max(kMinOffsetDigits, hexDigits(lastCursorOffset()));
}

void HexLayout::setAppendPosition(bool on)
{
    m_append = on;
    updateOffsetDigits();
}

std::uint64_t HexLayout::lastCursorOffset() const
{
    return m_append ? m_fileSize : lastOffset();
}

void HexLayout::configure(std::uint64_t fileSize, int bytesPerRow, int groupSize, const Metrics &metrics)
{
    configure(fileSize, bytesPerRow, groupSize, metrics, Spacing{});
}

// ---- rows and offsets ----------------------------------------------------------------------------------------

std::uint64_t HexLayout::rowCount() const
{
    // With the append position the bytes' rows plus the row holding fileSize (a new one when the last row is full).
    const std::uint64_t positions = m_append && m_fileSize < UINT64_MAX ? m_fileSize + 1 : m_fileSize;
    return positions / bpr() + (positions % bpr() != 0 ? 1 : 0);
}

std::uint64_t HexLayout::rowStart(std::uint64_t row) const
{
    return row > UINT64_MAX / bpr() ? UINT64_MAX : row * bpr();
}

ByteRange HexLayout::rowRange(std::uint64_t row) const
{
    if (row >= rowCount())
        return ByteRange{m_fileSize, 0};
    const std::uint64_t begin = row * bpr(); // the append row: begin == fileSize, no bytes
    return ByteRange{begin, std::min(bpr(), m_fileSize - begin)};
}

// ---- horizontal geometry: everything in character cells, times charWidth --------------------------------------

int HexLayout::groupChars() const
{
    return m_groupSize * 2 + (m_groupSize - 1) * m_spacing.byteGap;
}

int HexLayout::hexCharsBefore(int column) const
{
    column = std::clamp(column, 0, m_bytesPerRow - 1);
    return (column / m_groupSize) * (groupChars() + m_spacing.groupGap)
        + (column % m_groupSize) * (2 + m_spacing.byteGap);
}

int HexLayout::hexChars(int bytesPerRow) const
{
    const int groups = bytesPerRow / m_groupSize;
    return groups * groupChars() + (groups - 1) * m_spacing.groupGap;
}

int HexLayout::totalChars(int bytesPerRow) const
{
    return kMarginChars + m_offsetDigits + kColumnGapChars + hexChars(bytesPerRow) + kColumnGapChars + bytesPerRow
        + kMarginChars;
}

HexLayout::Span HexLayout::offsetColumn() const
{
    return Span{kMarginChars * m_metrics.charWidth, m_offsetDigits * m_metrics.charWidth};
}

HexLayout::Span HexLayout::hexColumn() const
{
    return Span{(kMarginChars + m_offsetDigits + kColumnGapChars) * m_metrics.charWidth,
                hexChars(m_bytesPerRow) * m_metrics.charWidth};
}

HexLayout::Span HexLayout::asciiColumn() const
{
    return Span{hexColumn().right() + kColumnGapChars * m_metrics.charWidth, m_bytesPerRow * m_metrics.charWidth};
}

qreal HexLayout::totalWidth() const
{
    return totalChars(m_bytesPerRow) * m_metrics.charWidth;
}

qreal HexLayout::xOfHexByte(int column) const
{
    return hexColumn().x + hexCharsBefore(column) * m_metrics.charWidth;
}

qreal HexLayout::xOfAsciiByte(int column) const
{
    return asciiColumn().x + std::clamp(column, 0, m_bytesPerRow - 1) * m_metrics.charWidth;
}

int HexLayout::fitBytesPerRow(qreal viewportWidth, int maxBytesPerRow) const
{
    int candidate = m_groupSize;
    while (candidate * 2 <= std::min(maxBytesPerRow, kMaxBytesPerRow))
        candidate *= 2;
    for (; candidate > m_groupSize; candidate /= 2) {
        if (totalChars(candidate) * m_metrics.charWidth <= viewportWidth)
            return candidate;
    }
    return m_groupSize;
}

// ---- vertical geometry ---------------------------------------------------------------------------------------

std::uint64_t HexLayout::pageRows(int viewportHeight) const
{
    return std::uint64_t(std::max(1, viewportHeight / m_metrics.lineHeight));
}

std::uint64_t HexLayout::visibleRows(int viewportHeight) const
{
    if (viewportHeight <= 0)
        return 0;
    return std::uint64_t((qint64(viewportHeight) + m_metrics.lineHeight - 1) / m_metrics.lineHeight);
}

int HexLayout::rowTop(std::uint64_t firstRow, std::uint64_t row) const
{
    const std::uint64_t limit = std::uint64_t(kFarPixels / m_metrics.lineHeight);
    if (row >= firstRow)
        return row - firstRow > limit ? kFarPixels : int(row - firstRow) * m_metrics.lineHeight;
    return firstRow - row > limit ? -kFarPixels : -int(firstRow - row) * m_metrics.lineHeight;
}

std::pair<std::uint64_t, std::uint64_t> HexLayout::rowsInRect(std::uint64_t firstRow, const QRect &rect) const
{
    const std::uint64_t rows = rowCount();
    if (rect.isEmpty())
        return {std::min(firstRow, rows), std::min(firstRow, rows)};
    const qint64 lh = m_metrics.lineHeight;
    const qint64 top = rect.top();
    const qint64 bottom = top + rect.height(); // exclusive
    const std::uint64_t begin = std::min(addSigned(firstRow, floorDiv(top, lh)), rows);
    const std::uint64_t end = std::min(addSigned(firstRow, floorDiv(bottom + lh - 1, lh)), rows);
    return {begin, std::max(begin, end)};
}

QRectF HexLayout::byteRect(Area area, std::uint64_t offset, std::uint64_t firstRow) const
{
    const int column = columnOf(offset);
    const qreal y = rowTop(firstRow, rowOf(offset));
    const qreal h = m_metrics.lineHeight;
    switch (area) {
    case Area::Offset:
        return QRectF(offsetColumn().x, y, offsetColumn().width, h);
    case Area::Hex:
        return QRectF(xOfHexByte(column), y, hexByteWidth(), h);
    case Area::Ascii:
        break;
    }
    return QRectF(xOfAsciiByte(column), y, asciiByteWidth(), h);
}

QRectF HexLayout::nibbleRect(std::uint64_t offset, Nibble nibble, std::uint64_t firstRow) const
{
    const QRectF byte = byteRect(Area::Hex, offset, firstRow);
    const qreal x = byte.x() + (nibble == Nibble::Low ? m_metrics.charWidth : 0);
    return QRectF(x, byte.y(), m_metrics.charWidth, byte.height());
}

qreal HexLayout::insertCaretWidth() const
{
    return std::min(m_metrics.charWidth, std::max<qreal>(2.0, std::round(m_metrics.charWidth / 4)));
}

QRectF HexLayout::insertCaretRect(Area area, std::uint64_t offset, std::uint64_t firstRow) const
{
    const QRectF cell = byteRect(area == Area::Ascii ? Area::Ascii : Area::Hex, offset, firstRow);
    return QRectF(cell.x(), cell.y(), insertCaretWidth(), cell.height());
}

// ---- hit testing ---------------------------------------------------------------------------------------------

HexLayout::Area HexLayout::areaAt(qreal chars) const
{
    const qreal hexStart = kMarginChars + m_offsetDigits + kColumnGapChars;
    if (chars < hexStart - kColumnGapChars / 2.0)
        return Area::Offset;
    if (chars < hexStart + hexChars(m_bytesPerRow) + kColumnGapChars / 2.0)
        return Area::Hex;
    return Area::Ascii;
}

// chars: x in character cells from the hex column's left edge.
int HexLayout::hexColumnAt(qreal chars, Nibble *nibble) const
{
    const int groups = m_bytesPerRow / m_groupSize;
    const qreal groupPitch = groupChars() + m_spacing.groupGap;
    const qreal bytePitch = 2 + m_spacing.byteGap;
    const int group = int(std::clamp(std::floor(chars / groupPitch), 0.0, qreal(groups - 1)));
    const qreal inGroup = chars - group * groupPitch;
    const int index = int(std::clamp(std::floor(inGroup / bytePitch), 0.0, qreal(m_groupSize - 1)));
    const qreal inByte = inGroup - index * bytePitch;
    const int column = group * m_groupSize + index;
    if (inByte < 1) {
        *nibble = Nibble::High;
        return column;
    }
    // Inside the low nibble or the gap after the byte: the right half of the gap belongs to the next byte.
    const int gap = index < m_groupSize - 1 ? m_spacing.byteGap : m_spacing.groupGap;
    if (inByte >= 2 + gap / 2.0 && column + 1 < m_bytesPerRow) {
        *nibble = Nibble::High;
        return column + 1;
    }
    *nibble = Nibble::Low;
    return column;
}

std::optional<HexLayout::Cell> HexLayout::cellAt(QPoint point, std::uint64_t firstRow) const
{
    if (m_fileSize == 0 && !m_append)
        return std::nullopt;
    Cell cell;
    bool above = false;
    std::uint64_t row = addSigned(firstRow, floorDiv(point.y(), m_metrics.lineHeight), &above);
    const std::uint64_t lastRow = rowCount() - 1;
    cell.clamped = above || row > lastRow;
    row = std::min(row, lastRow);

    const qreal chars = point.x() / m_metrics.charWidth;
    cell.area = areaAt(chars);
    int column = 0;
    switch (cell.area) {
    case Area::Offset:
        break;
    case Area::Hex:
        column = hexColumnAt(chars - hexColumn().x / m_metrics.charWidth, &cell.nibble);
        break;
    case Area::Ascii:
        column = int(std::clamp(std::floor(chars - asciiColumn().x / m_metrics.charWidth), 0.0,
                                qreal(m_bytesPerRow - 1)));
        break;
    }
    cell.offset = row * bpr() + std::uint64_t(column); // row <= lastRow, so no overflow
    if (cell.offset > lastCursorOffset()) {
        cell.offset = lastCursorOffset();
        cell.clamped = true;
        // Past the last byte: its low nibble; past the append position: the (empty) position itself.
        if (cell.area == Area::Hex)
            cell.nibble = m_append ? Nibble::High : Nibble::Low;
    }
    return cell;
}

// ---- vertical scroll bar -------------------------------------------------------------------------------------

void HexLayout::setScrollLimit(int limit)
{
    m_scrollLimit = std::clamp(limit, 16, INT_MAX);
}

std::uint64_t HexLayout::maxFirstRow(std::uint64_t pageRows) const
{
    const std::uint64_t rows = rowCount();
    return rows > pageRows ? rows - pageRows : 0;
}

std::uint64_t HexLayout::clampFirstRow(std::uint64_t row, std::uint64_t pageRows) const
{
    return std::min(row, maxFirstRow(pageRows));
}

std::uint64_t HexLayout::firstRowToShow(std::uint64_t offset, std::uint64_t firstRow, std::uint64_t pageRows) const
{
    const std::uint64_t row = rowOf(std::min(offset, lastCursorOffset()));
    pageRows = std::max<std::uint64_t>(pageRows, 1);
    std::uint64_t first = firstRow;
    if (row < firstRow)
        first = row;
    else if (row - firstRow >= pageRows)
        first = row - (pageRows - 1);
    return clampFirstRow(first, pageRows);
}

} // namespace hexmap
