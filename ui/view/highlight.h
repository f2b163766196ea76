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

// Independent sets of highlights a HexView draws, bottom to top: bookmarks under search marks under job tints.
// Each owner replaces only its own layer, so a running job no longer wipes the search marks or the bookmarks.
enum class HighlightLayer { Bookmarks, Search, Jobs };
inline constexpr int HighlightLayerCount = 3;

} // namespace hexmap
