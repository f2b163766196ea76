#include "ui/analysis/entropycolors.h"

#include <QCoreApplication>

#include <algorithm>

namespace hexmap::EntropyColors {

QColor of(ByteClass byteClass, double entropy, bool dark)
{
    switch (byteClass) {
    case ByteClass::Zero: return dark ? QColor(0x10, 0x10, 0x10) : QColor(0x30, 0x30, 0x30);
    case ByteClass::Erased: return QColor(0xC4, 0xC4, 0xD4); // light grey: visible on white and dark
    case ByteClass::Text: return QColor(0x2E, 0x86, 0xDE);   // blue
    case ByteClass::HighEntropy: return QColor(0xE0, 0x3C, 0x31); // red
    case ByteClass::Other: break;
    }
    // Other data: amber, darker as the entropy falls (0 bits -> 45 %, 8 bits -> 100 % value).
    const double t = std::clamp(entropy / 8.0, 0.0, 1.0);
    return QColor::fromHsvF(0.11f, 0.75f, float(0.45 + 0.55 * t));
}

QString legend()
{
    return QCoreApplication::translate("hexmap::EntropyColors",
                                       "Entropy map: red = high entropy (compressed / encrypted), blue = text, "
                                       "amber = other data (brighter = higher entropy), dark = zeros, "
                                       "light grey = 0xFF (erased flash)");
}

} // namespace hexmap::EntropyColors
