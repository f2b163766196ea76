#include "ui/view/hexcolors.h"

#include <QPalette>

#include <cmath>

namespace hexmap {

QColor HexColors::mix(const QColor &a, const QColor &b, qreal t)
{
    const auto m = [t](float x, float y) { return x + float(t) * (y - x); };
    return QColor::fromRgbF(m(a.redF(), b.redF()), m(a.greenF(), b.greenF()), m(a.blueF(), b.blueF()));
}

QColor HexColors::opaque(const QColor &color, const QColor &under)
{
    return color.alpha() == 255 ? color : mix(under, color, color.alphaF());
}

HexColors HexColors::fromPalette(const QPalette &p)
{
    HexColors c;
    c.base = p.color(QPalette::Base);
    c.text = p.color(QPalette::Text);
    c.offset = mix(c.text, c.base, 0.40);
    c.zero = mix(c.text, c.base, 0.55);
    // Non-printable marks: a dimmed '.' in the link hue, so it never reads as a real '.' (0x2E).
    // A palette whose link colour is too close to the base (a dark theme keeping the default dark blue) gets a
    // light blue instead, so the marks stay visible.
    QColor link = p.color(QPalette::Link);
    if (std::abs(link.lightnessF() - c.base.lightnessF()) < 0.3)
        link = c.base.lightnessF() < 0.5 ? QColor(100, 170, 255) : QColor(0, 90, 200);
    c.nonPrintable = mix(link, c.base, 0.35);
    c.highlight = p.color(QPalette::Highlight);
    c.highlightedText = p.color(QPalette::HighlightedText);
    c.cursor = c.text;
    c.cursorText = c.base;
    c.header = mix(c.base, c.text, 0.06);
    c.headerText = mix(c.text, c.base, 0.35);
    c.separator = mix(c.base, c.text, 0.25);
    // Absent bytes: a muted grey cell with no glyph, darker than the header band, distinct from every ink.
    c.absent = mix(c.base, c.text, 0.16);
    // Unsaved edits: a warm red ink on a light orange tint, distinct from selection, highlights and zeros.
    const bool dark = c.base.lightnessF() < 0.5;
    c.edited = dark ? QColor(0xFF, 0x8A, 0x80) : QColor(0xC6, 0x28, 0x28);
    c.editedBackground = mix(c.base, QColor(0xFF, 0xA0, 0x30), dark ? 0.30 : 0.22);
    return c;
}

} // namespace hexmap
