#include "core/originaltodocument.h"

#include <algorithm>

namespace hexmap {

OriginalToDocument::OriginalToDocument(const PieceSnapshot &snapshot)
{
    m_runs.reserve(snapshot.pieceCount());
    snapshot.forEachSlice({0, snapshot.size()}, [&](std::uint64_t at, const Piece &piece) {
        if (piece.kind == Piece::Kind::Original && piece.length > 0)
            m_runs.push_back({piece.src, piece.length, at});
    });
    // The table never reorders or duplicates the original's bytes (a paste inserts a copy), so the runs come in src
    // order already; sorted anyway so that a query never depends on it.
    if (!std::is_sorted(m_runs.begin(), m_runs.end(), [](const Run &a, const Run &b) { return a.src < b.src; }))
        std::sort(m_runs.begin(), m_runs.end(), [](const Run &a, const Run &b) { return a.src < b.src; });
}

void OriginalToDocument::forEach(ByteRange original,
                                 FunctionRef<void(ByteRange document, std::uint64_t originalOffset)> fn) const
{
    if (original.isEmpty())
        return;
    // The first run that ends after the range's start.
    auto it = std::upper_bound(m_runs.begin(), m_runs.end(), original.offset,
                               [](std::uint64_t at, const Run &run) { return at < run.src + run.length; });
    for (; it != m_runs.end() && it->src < original.end(); ++it) {
        const std::uint64_t from = std::max(original.offset, it->src);
        const std::uint64_t to = std::min(original.end(), it->src + it->length);
        fn(ByteRange::fromBounds(it->document + (from - it->src), it->document + (to - it->src)), from);
    }
}

} // namespace hexmap
