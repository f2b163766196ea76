#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/piecesnapshot.h"
#include "ui/view/hexlayout.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace hexmap {

// RowComposer reads one row of a document (a PieceSnapshot over the MappedFile it was made from) as the hex view
// shows it: the bytes, which of them are edited (bytes of Memory or Fill pieces: inserted or overwritten; bytes of
// the file are not edited wherever inserts and erases moved them) and which are absent (bytes of the file at or past
// `readableEnd`, its size on disk when another program cut it; they read as 0 and must be shown as absent).
// Fast path: a row inside one piece of the file (every row of an unedited document) costs one lookup and returns a
// view of the mapping (MappedFile::readSlice), with no copy. Any other row is composed from its pieces into the
// composer's buffer: O(log n + pieces in the row + bytes).
// Failure contract: never fails; a range past the document's end is clipped to it.
// Thread: one thread per composer (it owns the buffer the result may point into); the snapshot may be shared.
class RowComposer
{
public:
    static constexpr std::size_t kMaxBytes = HexLayout::kMaxBytesPerRow;

    struct Row {
        // The row's bytes: a view of the mapping (fast path) or of the composer's buffer, valid until the next
        // compose() on this composer, or the next readSlice on this thread for a file too large to map.
        std::span<const std::byte> bytes;
        bool anyEdited = false; // some byte of the row is edited (see isEdited)
        bool anyAbsent = false; // some byte of the row is absent (see isAbsent)
    };

    // Composes bytes [range.offset, range.offset + min(range.size, kMaxBytes)) of the document, clipped to its end.
    // A null snapshot stands for the file without edits.
    Row compose(const MappedFile &file, const PieceSnapshot *snapshot, ByteRange range,
                std::uint64_t readableEnd = UINT64_MAX);
    // Marks of byte i of the last composed row; valid only when the row's anyEdited / anyAbsent is set.
    bool isEdited(std::size_t i) const { return m_edited[i]; }
    bool isAbsent(std::size_t i) const { return m_absent[i]; }

private:
    void startComposing(std::size_t count, Row &row);

    std::array<std::byte, kMaxBytes> m_buffer{};
    std::array<bool, kMaxBytes> m_edited{};
    std::array<bool, kMaxBytes> m_absent{};
};

} // namespace hexmap
