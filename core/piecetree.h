#pragma once

#include "core/piece.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

namespace hexmap {

// PieceNode: one immutable node of the persistent B+tree behind the piece table: a leaf (PieceLeaf, height 1) holds
// up to kMaxEntries pieces, a branch (PieceBranch) up to kMaxEntries children of equal height; every node but the
// root holds at least kMinEntries. `ends` are the cumulative byte ends of the entries, so a lookup reads one node
// per level (a few cache lines) and picks the entry without touching its siblings: about 4 levels for 100 000
// pieces. A node never changes once built; an edit copies the nodes on the paths it touches (path copying) and
// shares every other subtree, so a whole document version is one root pointer.
// Sizes on x86-64 (LP64): a leaf 792 bytes, a branch 408 bytes, plus the 16-byte control block of std::make_shared
// (one allocation per node); nodes are on average about 3/4 full. tests/core/tst_piecetable.cpp checks the sizes.
// Thread: any (immutable).
struct PieceNode {
    static constexpr std::size_t kMaxEntries = 16;
    static constexpr std::size_t kMinEntries = 4;

    std::uint64_t total = 0;       // bytes in this subtree
    std::uint64_t originalEnd = 0; // largest src + length of an Original piece in this subtree, 0 when none
    std::uint32_t count = 0;       // pieces in this subtree
    std::uint16_t height = 1;      // 1: a PieceLeaf; more: a PieceBranch
    std::uint16_t size = 0;        // entries used
    std::array<std::uint64_t, kMaxEntries> ends{}; // ends[i]: bytes in entries 0..i

    bool isLeaf() const { return height == 1; }
    std::uint64_t startOf(std::size_t i) const { return i == 0 ? 0 : ends[i - 1]; }
    // The first entry whose end is > offset (size when none).
    std::size_t entryAt(std::uint64_t offset) const
    {
        std::size_t i = 0;
        while (i < size && ends[i] <= offset)
            ++i;
        return i;
    }
};
using PieceNodePtr = std::shared_ptr<const PieceNode>;

struct PieceLeaf : PieceNode {
    std::array<Piece, kMaxEntries> pieces;
};

struct PieceBranch : PieceNode {
    std::array<PieceNodePtr, kMaxEntries> children;
};

inline const PieceLeaf &asLeaf(const PieceNode &node)
{
    return static_cast<const PieceLeaf &>(node);
}
inline const PieceBranch &asBranch(const PieceNode &node)
{
    return static_cast<const PieceBranch &>(node);
}

// PieceTree: the persistent B+tree's operations; pure functions of immutable nodes. Thread: any.
namespace piecetree {

inline std::uint64_t totalOf(const PieceNodePtr &n) { return n ? n->total : 0; }
inline std::uint32_t countOf(const PieceNodePtr &n) { return n ? n->count : 0; }
inline std::size_t heightOf(const PieceNodePtr &n) { return n ? n->height : 0; }

// A tree of one piece.
PieceNodePtr single(Piece piece);
// The tree with [from, to) replaced by `insert` (when given), placed at `from`. Pieces that continue each other
// (Piece::isContinuedBy) at the edit's seams become one piece (typing grows one piece; erasing what was inserted
// joins the original around it again). Preconditions: from <= to <= totalOf(root), insert not empty.
// O(height) nodes copied.
PieceNodePtr edit(const PieceNodePtr &root, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert);
// The piece holding document `offset` and the document offset where it starts; {nullptr, 0} past the end. O(height).
std::pair<const Piece *, std::uint64_t> pieceAt(const PieceNode *root, std::uint64_t offset);

// The leaf holding document `offset` and the document offset where it starts; {nullptr, 0} past the end. O(height).
std::pair<const PieceNode *, std::uint64_t> leafAt(const PieceNode *root, std::uint64_t offset);

// Calls fn(documentOffset, piece) for every piece overlapping [from, to), in document order (pieces are whole, not
// clipped). O(height + pieces visited).
template <typename Fn>
void visit(const PieceNode *node, std::uint64_t base, std::uint64_t from, std::uint64_t to, Fn &fn)
{
    if (!node)
        return;
    for (std::size_t i = node->entryAt(from > base ? from - base : 0); i < node->size; ++i) {
        const std::uint64_t start = base + node->startOf(i);
        if (start >= to)
            return;
        if (node->isLeaf())
            fn(start, asLeaf(*node).pieces[i]);
        else
            visit(asBranch(*node).children[i].get(), start, from, to, fn);
    }
}

} // namespace piecetree
} // namespace hexmap
