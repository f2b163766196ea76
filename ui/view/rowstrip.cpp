#include "ui/view/rowstrip.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hexmap {

void RowStrip::configure(const QFont &font, qreal dpr, int cellWidth, int cellHeight, qreal ascent)
{
    if (font == m_font && dpr == m_sheets.devicePixelRatio() && cellWidth == m_cellWidth &&
        cellHeight == m_cellHeight && ascent == m_ascent && !m_image.isNull())
        return;
    m_font = font;
    m_cellWidth = cellWidth;
    m_cellHeight = cellHeight;
    m_ascent = ascent;
    const int deviceHeight = std::max(1, int(std::lround(cellHeight * dpr)));
    m_sheets.configure(font, dpr, std::max(1, int(std::lround(cellWidth * dpr))), deviceHeight, ascent);
    m_image = QImage(std::max(1, m_image.width()), deviceHeight, QImage::Format_RGB32);
    m_image.setDevicePixelRatio(dpr);
}

void RowStrip::begin(int width, QRgb background)
{
    width = std::max(1, width);
    if (width > m_image.width()) {
        m_image = QImage(width, m_image.height(), QImage::Format_RGB32);
        m_image.setDevicePixelRatio(m_sheets.devicePixelRatio());
    }
    m_width = width;
    m_target = {m_image.bits(), m_image.bytesPerLine(), width};
    if (m_blank.size() < std::size_t(width) || m_blank.front() != background)
        m_blank.assign(std::size_t(std::max<qsizetype>(width, m_image.width())), background);
    for (int y = 0; y < m_image.height(); ++y) // a copy per line: much faster than a scalar fill
        std::memcpy(m_target.bits + y * m_target.stride, m_blank.data(), std::size_t(width) * sizeof(QRgb));
}

void RowStrip::fill(int x0, int x1, QRgb color)
{
    x0 = std::max(0, x0);
    x1 = std::min(m_width, x1);
    if (x0 >= x1)
        return;
    for (int y = 0; y < m_image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(m_target.bits + y * m_target.stride);
        std::fill(line + x0, line + x1, color);
    }
}

void RowStrip::draw(QPainter &painter, qreal x, qreal top, qreal sourceX, qreal width) const
{
    const qreal dpr = m_sheets.devicePixelRatio();
    const qreal w = std::min(width * dpr, m_width - sourceX);
    if (w <= 0)
        return;
    painter.drawImage(QRectF(x, top, w / dpr, m_image.height() / dpr), m_image,
                      QRectF(sourceX, 0, w, m_image.height()));
}

} // namespace hexmap
