#include "core/piececursor.h"

#include "core/piecetree.h"

#include <algorithm>
#include <string>

namespace hexmap {

Result<std::size_t> PieceCursor::read(std::uint64_t offset, std::span<std::byte> out, OriginalReader original)
{
    const std::uint64_t total = m_snapshot.size();
    if (offset >= total || out.empty())
        return m_snapshot.read(offset, out, original); // errors and empty reads as the snapshot says
    const std::size_t n = std::size_t(std::min<std::uint64_t>(out.size(), total - offset));
    if (!m_leaf || offset < m_leafStart || offset - m_leafStart >= m_leaf->total) {
        const auto [leaf, start] = piecetree::leafAt(m_snapshot.rootNode(), offset);
        m_leaf = leaf;
        m_leafStart = start;
    }
    const PieceLeaf &leaf = asLeaf(*m_leaf);
    std::uint64_t at = offset;
    std::size_t done = 0;
    for (std::size_t i = leaf.entryAt(offset - m_leafStart); i < leaf.size && done < n; ++i) {
        const std::uint64_t start = m_leafStart + leaf.startOf(i);
        const Piece &piece = leaf.pieces[i];
        const std::size_t part = std::size_t(std::min<std::uint64_t>(n - done, start + piece.length - at));
        if (!piece.copyTo(at - start, out.subspan(done, part), original)) {
            const std::uint64_t src = piece.src + (at - start);
            return Error{make_error_code(Errc::FileTruncated),
                         "original bytes [" + std::to_string(src) + ", " + std::to_string(src + part) + ")"};
        }
        done += part;
        at += part;
    }
    if (done < n) { // the read goes on past this leaf: the rest through the snapshot, and remember the next leaf
        const auto rest = m_snapshot.read(at, out.subspan(done, n - done), original);
        if (!rest)
            return rest.error();
        const auto [next, nextStart] = piecetree::leafAt(m_snapshot.rootNode(), std::min(at + *rest, total - 1));
        m_leaf = next;
        m_leafStart = nextStart;
    }
    return n;
}

} // namespace hexmap
