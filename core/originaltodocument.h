#pragma once

#include "core/byterange.h"
#include "core/functionref.h"
#include "core/piecesnapshot.h"

#include <cstdint>
#include <vector>

namespace hexmap {

// OriginalToDocument: where ranges of the original file now are in an edited document. Unsaved inserts and deletes
// move the original's bytes; deleted ones are nowhere. For what the kernel or a finished job says about the file
// (page-cache state, written ranges), drawn at the document's offsets. Built once from a PieceSnapshot in
// O(pieces); each query costs O(log runs + parts). Plain value; any thread.
class OriginalToDocument {
public:
    explicit OriginalToDocument(const PieceSnapshot &snapshot);

    // Calls fn(documentRange, originalOffset) for each part of the original's `original` range still in the
    // document (originalOffset: where the part starts in the original), in the original's order, which is the
    // document's: edits never reorder the original's bytes. Nothing for deleted bytes or past the original's end.
    void forEach(ByteRange original, FunctionRef<void(ByteRange document, std::uint64_t originalOffset)> fn) const;
    // The number of runs of original bytes in the document (1 for an unedited file, 0 for an empty document).
    std::size_t runCount() const { return m_runs.size(); }

private:
    struct Run {
        std::uint64_t src;      // offset in the original
        std::uint64_t length;
        std::uint64_t document; // offset in the document
    };
    std::vector<Run> m_runs; // sorted by src, disjoint
};

} // namespace hexmap
