#include "ui/view/jobcolors.h"

#include <QPalette>

#include <array>

namespace hexmap {
namespace {
// Okabe & Ito (2008): orange, sky blue, bluish green, reddish purple, blue, yellow, vermillion is kept for dirty.
constexpr std::array<QRgb, 6> kLight{0xE69F00, 0x56B4E9, 0x009E73, 0xCC79A7, 0x0072B2, 0xF0E442};
// On dark backgrounds blue becomes a lighter blue of the same hue, the rest keep their hue.
constexpr std::array<QRgb, 6> kDark{0xE69F00, 0x56B4E9, 0x1FBF8F, 0xDA8FBA, 0x3C9BE0, 0xF0E442};
} // namespace

bool JobColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

int JobColors::workerHueCount() { return int(kLight.size()); }

QColor JobColors::worker(int index, bool dark)
{
    const auto n = int(kLight.size());
    const int i = ((index % n) + n) % n;
    return QColor::fromRgb(dark ? kDark[size_t(i)] : kLight[size_t(i)]);
}

QColor JobColors::tint(const QColor &color, const QColor &base, double alpha)
{
    const auto mix = [alpha](int c, int b) { return int(b + (c - b) * alpha + 0.5); };
    return QColor(mix(color.red(), base.red()), mix(color.green(), base.green()), mix(color.blue(), base.blue()));
}

QColor JobColors::dirty(bool dark) { return dark ? QColor(0xF0, 0x7A, 0x2A) : QColor(0xD5, 0x5E, 0x00); }
QColor JobColors::synced(bool dark) { return dark ? QColor(0x7A, 0x8C, 0x9E) : QColor(0x8A, 0x9B, 0xAD); }
QColor JobColors::written(bool dark) { return dark ? QColor(0x85, 0x88, 0x8C) : QColor(0x9E, 0xA1, 0xA6); }
QColor JobColors::edited(bool dark) { return dark ? QColor(0xF0, 0xE4, 0x42) : QColor(0xB8, 0xA9, 0x00); }
QColor JobColors::searchHit(bool dark) { return dark ? QColor(0xFF, 0xFF, 0xFF) : QColor(0x00, 0x00, 0x00); }
QColor JobColors::difference(bool dark) { return dark ? QColor(0xFF, 0x6B, 0x6B) : QColor(0xC4, 0x1E, 0x3A); }
QColor JobColors::viewport(bool dark) { return dark ? QColor(0xFF, 0xFF, 0xFF) : QColor(0x10, 0x10, 0x10); }
QColor JobColors::mapBackground(bool dark) { return dark ? QColor(0x2A, 0x2D, 0x32) : QColor(0xE4, 0xE6, 0xEA); }

} // namespace hexmap
