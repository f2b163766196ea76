#pragma once

#include "core/piece.h"
#include "core/piecesnapshot.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace hexmap {

struct PieceNode;

// PieceCursor: reads one snapshot like PieceSnapshot::read(), but remembers the leaf of the tree that its last read
// ended in, so that a read inside that leaf (the next row of a paint, the next block of a scan) needs no lookup from
// the root: consecutive 16-byte rows cost about what they cost without edits. Holds its snapshot (the version it
// reads stays alive and unchanged). Thread: one thread per cursor (it has a cache); the snapshot may be shared.
class PieceCursor {
public:
    explicit PieceCursor(PieceSnapshot snapshot = {}) : m_snapshot(std::move(snapshot)) {}

    const PieceSnapshot &snapshot() const { return m_snapshot; }
    // Exactly PieceSnapshot::read() (same bytes, clamping and errors).
    Result<std::size_t> read(std::uint64_t offset, std::span<std::byte> out, OriginalReader original);

private:
    PieceSnapshot m_snapshot;
    const PieceNode *m_leaf = nullptr; // a leaf of m_snapshot's tree, or null
    std::uint64_t m_leafStart = 0;     // the document offset of its first byte
};

} // namespace hexmap
