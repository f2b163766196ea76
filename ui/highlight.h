#pragma once

#include "core/byterange.h"

#include <QColor>

namespace hexmap {

// A tinted byte range drawn under the bytes of a HexView (e.g. the range a job worker is writing).
// Plain value; any thread.
struct Highlight {
    ByteRange range;
    QColor color;
};

} // namespace hexmap
