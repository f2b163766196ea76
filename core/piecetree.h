#pragma once

#include "core/piece.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

namespace hexmap {

// PieceNode: one immutable node of the persistent treap behind the piece table. A node never changes once built;
// an edit builds new nodes along the paths it touches (path copying) and shares every other subtree, so a whole
// document version is one root pointer. Size on x86-64 (LP64): 104 bytes plus the 16-byte shared_ptr control block
// of std::make_shared (one allocation per node); tests/core/tst_piecetable.cpp checks the 104.
// Thread: any (immutable).
struct PieceNode {
    std::uint64_t leftTotal = 0; // bytes in the left subtree: a lookup reads only the nodes on its path
    std::shared_ptr<const PieceNode> left;
    std::shared_ptr<const PieceNode> right;
    Piece piece;
    std::uint64_t total = 0;       // bytes in this subtree
    std::uint64_t originalEnd = 0; // largest src + length of an Original piece in this subtree, 0 when none
    std::uint32_t priority = 0;    // treap heap order: a parent's priority >= its children's
    std::uint32_t count = 0;       // nodes in this subtree
};
using PieceNodePtr = std::shared_ptr<const PieceNode>;

// PieceTree: the persistent treap's operations (split, join, lookups); pure functions of immutable nodes, except
// for the priority source, which is the editing thread's. Expected height O(log n) (a treap with random
// priorities); every operation here is O(height). Thread: any; a Priorities object one thread at a time.
namespace piecetree {

// Deterministic pseudo-random priorities (splitmix64), so that a table's shape is reproducible in tests.
class Priorities {
public:
    explicit Priorities(std::uint64_t seed = 0x9E3779B97F4A7C15ull) : m_state(seed) {}
    std::uint32_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return std::uint32_t((z ^ (z >> 31)) >> 32);
    }

private:
    std::uint64_t m_state;
};

inline std::uint64_t totalOf(const PieceNodePtr &n) { return n ? n->total : 0; }
inline std::uint32_t countOf(const PieceNodePtr &n) { return n ? n->count : 0; }

PieceNodePtr makeNode(PieceNodePtr left, PieceNodePtr right, Piece piece, std::uint32_t priority);
// Concatenates two trees (every byte of `a` before every byte of `b`), without merging pieces.
PieceNodePtr concat(const PieceNodePtr &a, const PieceNodePtr &b);
// Concatenates and, when the last piece of `a` is continued by the first piece of `b`, stores the two as one piece.
PieceNodePtr join(const PieceNodePtr &a, const PieceNodePtr &b);
// The first `at` bytes and the rest; a piece that straddles `at` is cut in two. Precondition: at <= totalOf(node).
std::pair<PieceNodePtr, PieceNodePtr> split(const PieceNodePtr &node, std::uint64_t at, Priorities &priorities);
// Height (0 for an empty tree); O(n), for tests and debug accessors.
std::size_t height(const PieceNodePtr &node);

// Calls fn(documentOffset, piece) for every piece overlapping [from, to), in document order (pieces are whole, not
// clipped). O(height + pieces visited).
template <typename Fn>
void visit(const PieceNode *node, std::uint64_t base, std::uint64_t from, std::uint64_t to, Fn &fn)
{
    while (node) {
        const std::uint64_t leftTotal = node->leftTotal;
        const std::uint64_t start = base + leftTotal;
        if (from < start)
            visit(node->left.get(), base, from, to, fn);
        if (start >= to)
            return;
        if (from < start + node->piece.length)
            fn(start, node->piece);
        base = start + node->piece.length;
        if (base >= to)
            return;
        node = node->right.get(); // tail loop instead of recursion
    }
}

} // namespace piecetree
} // namespace hexmap
