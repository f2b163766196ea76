#pragma once

#include "ui/view/cellsheets.h"

#include <QImage>
#include <QRgb>

#include <vector>

class QPainter;

namespace hexmap {

// RowStrip: an opaque image one hex-view row tall into which a row is composed (background runs, then character
// cells copied from CellSheets) and which is then drawn with a single QPainter::drawImage. All coordinates are
// device pixels inside the strip (0 = the content's left edge). Reused from row to row and paint to paint: no
// allocation per row once its size is reached.
// Thread: the GUI thread that owns it.
class RowStrip
{
public:
    // Sets the font and cell geometry (cellWidth/cellHeight/ascent in logical pixels) and the device pixel ratio;
    // drops the cached sheets only when something changed.
    void configure(const QFont &font, qreal dpr, int cellWidth, int cellHeight, qreal ascent);
    qreal devicePixelRatio() const { return m_sheets.devicePixelRatio(); }
    int cellWidth() const { return m_sheets.cellWidth(); } // device pixels

    // Starts a row `width` device pixels wide, filled with `background`.
    void begin(int width, QRgb background);
    void fill(int x0, int x1, QRgb color); // columns [x0, x1), clipped
    void put(int x, char c, QRgb ink, QRgb background) { m_sheets.put(m_target, x, c, ink, background); }
    // Draws the strip's columns [sourceX, sourceX + width * dpr) at logical (x, top).
    void draw(QPainter &painter, qreal x, qreal top, qreal sourceX, qreal width) const;

    const CellSheets &sheets() const { return m_sheets; }

private:
    CellSheets m_sheets;
    QFont m_font;
    int m_cellWidth = 0;
    int m_cellHeight = 0;
    qreal m_ascent = 0;
    QImage m_image;
    CellSheets::Target m_target; // m_image's pixels, m_width wide
    std::vector<QRgb> m_blank;   // one pixel row of the background begin() starts from
    int m_width = 0;
};

} // namespace hexmap
