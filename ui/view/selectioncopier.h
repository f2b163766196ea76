#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "ui/view/copyformatter.h"

#include <QString>

#include <cstdint>

namespace hexmap {

// SelectionCopier puts a byte range of a document (`document`: a PieceSnapshot over `file`, with its unsaved inserts,
// erases and overwrites: what the view shows, not the stale file bytes) on the clipboard as text (CopyFormatter) —
// and, for raw text, also as application/octet-stream. The range is in the document's offsets and is clipped to its
// end. Ranges over `limit` bytes are refused with a message naming both sizes: nothing is read. A file byte the
// mapping cannot deliver (the file shrank on disk) refuses the copy with a message naming the bytes; the clipboard
// is then unchanged.
// Thread: GUI thread (the clipboard).
class SelectionCopier
{
public:
    static bool copy(const MappedFile &file, const PieceSnapshot &document, ByteRange range,
                     CopyFormatter::Format format, std::uint64_t limit, QString *message);
};

} // namespace hexmap
