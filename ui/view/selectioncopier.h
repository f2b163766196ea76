#pragma once

#include "core/byterange.h"
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "ui/view/copyformatter.h"

#include <QString>

#include <cstdint>

namespace hexmap {

// SelectionCopier puts a byte range of a file on the clipboard as text (CopyFormatter) — and, for raw text, also
// as application/octet-stream — with the unsaved edits of `overlay` applied (what the view shows, not the stale
// file bytes). Ranges over `limit` bytes are refused with a message naming both sizes: nothing is read.
// Thread: GUI thread (the clipboard).
class SelectionCopier
{
public:
    static bool copy(const MappedFile &file, const EditOverlay *overlay, ByteRange range, CopyFormatter::Format format,
                     std::uint64_t limit, QString *message);
};

} // namespace hexmap
