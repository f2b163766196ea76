#pragma once

#include "core/result.h"
#include "core/savelayout.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hexmap {

// One chunk of an in-place shift: copy [src, src + length) of the file to [dst, dst + length).
// overlaps: the chunk's destination overlaps its own source, so an interrupted write destroys source bytes a redo
// needs (the executor journals the chunk's source, its pre-image, first). Plain value; any thread.
struct ShiftStep {
    std::uint64_t src = 0;
    std::uint64_t dst = 0;
    std::uint64_t length = 0;
    bool overlaps = false;
};

// ShiftPlan: the order in which an in-place save (core/shiftsave.h) moves the Original pieces of a SaveLayout
// over the file as it was opened (old size S), so that no source byte is overwritten before it is read:
//   - left-moving pieces (dst < src) in ascending order, each in ascending chunks;
//   - then right-moving pieces (dst > src) in descending order, each in descending chunks (last chunk first);
//   - pieces with dst == src are already in place; Memory and Fill pieces are written after every move.
// Why this is safe. Original pieces are increasing in src and, being laid out in order, in dst too.
//  * A left piece L and a right piece R never touch each other's sources: if L comes first,
//    dst_L + len_L < src_L + len_L <= src_R (L's destination ends before R's source) and
//    dst_R > src_R >= src_L + len_L (R's destination starts after L's source); if R comes first,
//    dst_R + len_R <= dst_L < src_L and dst_L >= dst_R + len_R > src_R + len_R. So the two sets are independent.
//  * Among left pieces in ascending order, a piece's destination ends before its own source ends
//    (dst + len < src + len <= the next piece's src), so it never reaches a later piece's source; within a piece,
//    chunk j's destination ends at dst + (j+1)c < src + (j+1)c, before the sources of the chunks after it.
//    Right pieces in descending order are the mirror image.
//  * Hence a step's destination never overlaps the source of any later step: redoing the first unfinished step
//    needs only its own source, which only that step itself can have damaged (when `overlaps`).
// Chunk length: when the shift distance |dst - src| is at least directShiftMin, chunks are min(chunkSize, |d|)
// long, so no chunk overlaps its own source and nothing but a small progress record is journalled per chunk;
// below that (a 1-byte insert) chunks are chunkSize long and each one's source is journalled before it is written.
// Steps are computed on demand (memory grows with the number of pieces, not with the file).
// Thread: any (immutable after create()).
class ShiftPlan {
public:
    // Validates `layout` against a file of oldSize bytes. Failure contract: Errc::InvalidArgument naming the piece
    // and the value: an empty piece, a dst that does not continue the previous piece, an Original piece that is
    // not after the previous one or ends past oldSize, a Fill piece without pattern, a Memory piece whose bytes
    // are missing or too short (checked only when checkBytes), zero chunk sizes, sizes that overflow.
    static Result<ShiftPlan> create(const SaveLayout &layout, std::uint64_t oldSize, std::uint64_t chunkSize,
                                    std::uint64_t directShiftMin, bool checkBytes = true);

    const SaveLayout &layout() const { return m_layout; }
    std::uint64_t oldSize() const { return m_oldSize; }
    std::uint64_t newSize() const { return m_newSize; }
    std::uint64_t grownSize() const { return m_oldSize > m_newSize ? m_oldSize : m_newSize; }
    // The file's size while the steps run: one byte past everything the save writes. No write of the save can then
    // make the file this long again after another program cut it (pwrite extends a file silently), so a size check
    // sees every cut; the final truncate to newSize() removes the byte.
    std::uint64_t workingSize() const { return grownSize() + 1; }
    std::uint64_t chunkSize() const { return m_chunkSize; }
    std::uint64_t directShiftMin() const { return m_directShiftMin; }
    // The lowest offset any step or Memory/Fill piece writes (grownSize() when nothing is written).
    std::uint64_t firstWrite() const { return m_firstWrite; }

    std::size_t stepCount() const { return m_stepCount; }
    ShiftStep step(std::size_t index) const; // index < stepCount()
    std::uint64_t bytesToMove() const { return m_bytesToMove; }
    std::uint64_t bytesToWrite() const { return m_bytesToWrite; } // Memory and Fill pieces
    // Nothing to do: every piece is an Original already in place and the size stays.
    bool isNoop() const { return m_stepCount == 0 && m_bytesToWrite == 0 && m_newSize == m_oldSize; }

private:
    struct Move {
        std::uint64_t src, dst, length, chunk;
        std::size_t firstStep, steps;
        bool right;
    };
    SaveLayout m_layout;
    std::vector<Move> m_moves; // in execution order
    std::uint64_t m_oldSize = 0, m_newSize = 0, m_chunkSize = 0, m_directShiftMin = 0, m_firstWrite = 0;
    std::uint64_t m_bytesToMove = 0, m_bytesToWrite = 0;
    std::size_t m_stepCount = 0;
};

} // namespace hexmap
