#pragma once

// Readability of what a widget really painted: the contrast between the text's pixels and the background of a
// rectangle of a grabbed image (the most frequent colour there), by the WCAG 2 ratio of ui/common/theme.h.
#include "ui/common/theme.h"

#include <QHash>
#include <QImage>
#include <QRect>

#include <algorithm>

namespace contrasttest {

// The most frequent colour in `rect` (the background behind text).
inline QRgb dominantColor(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y) | 0xFF000000u];
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    return best;
}

// The largest contrast between any pixel of `rect` and its dominant colour: the core of a glyph's strokes is
// painted in the text colour itself, so this is the text's contrast when the rectangle holds text (1 when empty).
inline double textContrast(const QImage &image, const QRect &rect)
{
    const QColor background = QColor::fromRgb(dominantColor(image, rect));
    double best = 1.0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            best = std::max(best, hexmap::contrastRatio(QColor::fromRgb(image.pixel(x, y)), background));
    return best;
}

} // namespace contrasttest
