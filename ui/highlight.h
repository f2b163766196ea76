#pragma once

#include "core/byterange.h"

#include <QColor>

namespace hexmap {

// A tinted byte range drawn under the bytes of a HexView (e.g. the range a job worker is writing).
// Plain value; any thread.
struct Highlight {
    ByteRange range;
    QColor color;
    // The bytes may be being written by another thread (a job worker's not-yet-written part): the painter draws
    // placeholders ("--") there and never reads those bytes from the mapping.
    bool placeholder = false;
};

} // namespace hexmap
