#pragma once

#include "core/statsconsumer.h"

#include <QColor>
#include <QString>

namespace hexmap {

// The colours of the entropy / byte-class pictures (overview map layer, entropy plot): a hue per class, lighter
// for lower entropy within "other" data; and the legend that names them.
// Thread: GUI thread (QColor and tr are not used elsewhere).
namespace EntropyColors {
QColor of(ByteClass byteClass, double entropy, bool dark);
QString legend();
} // namespace EntropyColors

} // namespace hexmap
