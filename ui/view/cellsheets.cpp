#include "ui/view/cellsheets.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <utility>
#include <cstring>

namespace hexmap {

namespace {

// Copies a cell `rows` pixel rows tall. With the width known at compile time each line is a couple of vector moves
// instead of a call to memcpy: a 64 bytes/row repaint copies ~350 000 cell lines.
template <int Width>
void copyCell(uchar *dst, qsizetype dstStride, const uchar *src, qsizetype srcStride, int rows, int)
{
    for (int y = 0; y < rows; ++y)
        std::memcpy(dst + y * dstStride, src + y * srcStride, std::size_t(Width) * 4);
}

void copyCellAnyWidth(uchar *dst, qsizetype dstStride, const uchar *src, qsizetype srcStride, int rows, int width)
{
    for (int y = 0; y < rows; ++y)
        std::memcpy(dst + y * dstStride, src + y * srcStride, std::size_t(width) * 4);
}

template <int... W>
constexpr std::array<CellSheets::CopyFn, sizeof...(W)> copyTable(std::integer_sequence<int, W...>)
{
    return {&copyCell<W + 1>...};
}

constexpr auto kCopyByWidth = copyTable(std::make_integer_sequence<int, 32>()); // widths 1..32

} // namespace

void CellSheets::configure(const QFont &font, qreal dpr, int cellWidth, int cellHeight, qreal ascent)
{
    m_font = font;
    m_dpr = dpr > 0 ? dpr : 1.0;
    m_cellWidth = std::max(1, cellWidth);
    m_cellHeight = std::max(1, cellHeight);
    m_ascent = ascent;
    m_sheets.clear();
    m_last = nullptr;
    m_recent.fill({});
    m_copy = m_cellWidth <= int(kCopyByWidth.size()) ? kCopyByWidth[std::size_t(m_cellWidth - 1)] : &copyCellAnyWidth;
}

const uchar *CellSheets::sheet(QRgb ink, QRgb background)
{
    const quint64 key = (quint64(ink) << 32) | background;
    if (m_last && key == m_lastKey)
        return m_last;
    for (const Recent &r : m_recent)
        if (r.bits && r.key == key) {
            const uchar *bits = r.bits; // remember() may reuse r's slot
            if (m_last)
                remember(m_lastKey, m_last);
            m_lastKey = key;
            m_last = bits;
            return m_last;
        }
    auto it = m_sheets.find(key);
    if (it == m_sheets.end()) {
        if (m_sheets.size() >= kMaxSheets) {
            m_sheets.clear();
            m_recent.fill({}); // their images are gone
            m_last = nullptr;
        }
        const int count = kLastChar - kFirstChar + 1;
        QImage image(m_cellWidth * count, m_cellHeight, QImage::Format_RGB32);
        image.fill(background);
        image.setDevicePixelRatio(m_dpr);
        QPainter p(&image);
        p.setFont(m_font);
        p.setPen(QColor::fromRgb(ink));
        const qreal w = m_cellWidth / m_dpr;
        const qreal h = m_cellHeight / m_dpr;
        for (int i = 0; i < count; ++i) {
            // Each character is clipped to its own cell: nothing spills into a neighbour's.
            p.setClipRect(QRectF(i * w, 0, w, h));
            p.drawText(QPointF(i * w, m_ascent), QString(QChar(kFirstChar + i)));
        }
        p.end();
        it = m_sheets.insert(key, image);
    }
    if (m_last)
        remember(m_lastKey, m_last);
    m_lastKey = key;
    m_sheetStride = it->bytesPerLine(); // every sheet has the same size
    m_last = it->constBits();
    return m_last;
}

void CellSheets::remember(quint64 key, const uchar *bits)
{
    for (Recent &r : m_recent)
        if (r.bits && r.key == key) // already there
            return;
    m_recent[m_recentNext] = {key, bits};
    m_recentNext = (m_recentNext + 1) % m_recent.size();
}

void CellSheets::put(const Target &dest, int x, char c, QRgb ink, QRgb background)
{
    if (x < 0 || x >= dest.width || !m_copy)
        return;
    const int code = (c >= kFirstChar && c <= kLastChar) ? c : '.';
    const uchar *src = sheet(ink, background) + qsizetype(code - kFirstChar) * m_cellWidth * 4;
    uchar *dst = dest.bits + qsizetype(x) * 4;
    if (x + m_cellWidth <= dest.width)
        m_copy(dst, dest.stride, src, m_sheetStride, m_cellHeight, m_cellWidth);
    else // the last cell of a strip cut at the viewport's edge
        copyCellAnyWidth(dst, dest.stride, src, m_sheetStride, m_cellHeight, dest.width - x);
}

} // namespace hexmap
