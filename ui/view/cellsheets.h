#pragma once

#include <QFont>
#include <QHash>
#include <QImage>
#include <QRgb>

#include <array>
#include <cstddef>

namespace hexmap {

// CellSheets: pre-rendered, opaque character cells for the rows of a hex view. A sheet holds the printable ASCII
// characters 0x20..0x7E drawn in one ink on one background, each in a cell of whole device pixels; putting a
// character into a row image is then one memcpy per pixel row of the cell instead of blending a glyph's coverage
// (measured: the blending was half of a full repaint, docs/BENCHMARKS.md "Paint"). Sheets are rendered on first
// use and kept, at most kMaxSheets of them (then all are dropped and re-rendered on demand). Images are
// Format_RGB32: opaque, so Qt blits them as plain copies.
// Thread: the GUI thread that owns it (QImage/QPainter text rendering needs the font database).
class CellSheets
{
public:
    static constexpr int kMaxSheets = 64;
    static constexpr int kFirstChar = 0x20;
    static constexpr int kLastChar = 0x7E;

    // Cell size in device pixels; ascent (logical pixels) places the baseline; dpr is the device pixel ratio.
    void configure(const QFont &font, qreal dpr, int cellWidth, int cellHeight, qreal ascent);
    int cellWidth() const { return m_cellWidth; }
    int cellHeight() const { return m_cellHeight; }
    qreal devicePixelRatio() const { return m_dpr; }

    // A destination: the pixels of an opaque 32-bit image at least cellHeight() rows tall.
    struct Target {
        uchar *bits = nullptr;
        qsizetype stride = 0; // bytes per line
        int width = 0;
    };
    // Copies character c (others than 0x20..0x7E draw as '.') in `ink` on `background` into the target with its
    // top-left corner at device pixel column x; clipped to the target's width.
    void put(const Target &dest, int x, char c, QRgb ink, QRgb background);

    int sheetCount() const { return int(m_sheets.size()); }

    using CopyFn = void (*)(uchar *dst, qsizetype dstStride, const uchar *src, qsizetype srcStride, int rows,
                            int width);

private:
    const uchar *sheet(QRgb ink, QRgb background); // the sheet's first pixel
    void remember(quint64 key, const uchar *bits); // into m_recent

    QFont m_font;
    qreal m_dpr = 1.0;
    int m_cellWidth = 1;
    int m_cellHeight = 1;
    qreal m_ascent = 0;
    QHash<quint64, QImage> m_sheets;
    qsizetype m_sheetStride = 0;
    // The last sheet used: consecutive cells mostly share ink and background.
    quint64 m_lastKey = 0;
    const uchar *m_last = nullptr;
    // The few sheets used before it: a row of scattered edits alternates between two or three (edited and plain
    // ink and background) on every byte, which would otherwise be a hash lookup per cell.
    struct Recent {
        quint64 key = 0;
        const uchar *bits = nullptr;
    };
    std::array<Recent, 4> m_recent{};
    std::size_t m_recentNext = 0;
    CopyFn m_copy = nullptr; // copies one cell of m_cellWidth pixels
};

} // namespace hexmap
