#include "core/piecetree.h"

#include <algorithm>

namespace hexmap {

namespace piecetree {

PieceNodePtr makeNode(PieceNodePtr left, PieceNodePtr right, Piece piece, std::uint32_t priority)
{
    auto node = std::make_shared<PieceNode>();
    node->leftTotal = totalOf(left);
    node->total = node->leftTotal + piece.length + totalOf(right);
    node->count = countOf(left) + 1 + countOf(right);
    std::uint64_t originalEnd = piece.kind == Piece::Kind::Original ? piece.src + piece.length : 0;
    if (left)
        originalEnd = std::max(originalEnd, left->originalEnd);
    if (right)
        originalEnd = std::max(originalEnd, right->originalEnd);
    node->originalEnd = originalEnd;
    node->priority = priority;
    node->left = std::move(left);
    node->right = std::move(right);
    node->piece = std::move(piece);
    return node;
}

PieceNodePtr concat(const PieceNodePtr &a, const PieceNodePtr &b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    if (a->priority >= b->priority)
        return makeNode(a->left, concat(a->right, b), a->piece, a->priority);
    return makeNode(concat(a, b->left), b->right, b->piece, b->priority);
}

namespace {

const Piece &lastPiece(const PieceNode *node)
{
    while (node->right)
        node = node->right.get();
    return node->piece;
}

const Piece &firstPiece(const PieceNode *node)
{
    while (node->left)
        node = node->left.get();
    return node->piece;
}

// The tree with its last piece replaced by `piece` (same node priority, so the shape stays a treap).
PieceNodePtr replaceLast(const PieceNodePtr &node, Piece piece)
{
    if (!node->right)
        return makeNode(node->left, nullptr, std::move(piece), node->priority);
    return makeNode(node->left, replaceLast(node->right, std::move(piece)), node->piece, node->priority);
}

// The tree without its first piece.
PieceNodePtr dropFirst(const PieceNodePtr &node)
{
    if (!node->left)
        return node->right;
    return makeNode(dropFirst(node->left), node->right, node->piece, node->priority);
}

} // namespace

PieceNodePtr join(const PieceNodePtr &a, const PieceNodePtr &b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    const Piece &last = lastPiece(a.get());
    const Piece &first = firstPiece(b.get());
    if (!last.isContinuedBy(first))
        return concat(a, b);
    Piece merged = last;
    merged.length += first.length;
    return concat(replaceLast(a, std::move(merged)), dropFirst(b));
}

std::pair<PieceNodePtr, PieceNodePtr> split(const PieceNodePtr &node, std::uint64_t at, Priorities &priorities)
{
    if (!node)
        return {};
    if (at == 0)
        return {nullptr, node};
    if (at >= node->total)
        return {node, nullptr};
    const std::uint64_t leftTotal = node->leftTotal;
    if (at <= leftTotal) {
        auto [a, b] = split(node->left, at, priorities);
        return {std::move(a), makeNode(std::move(b), node->right, node->piece, node->priority)};
    }
    const std::uint64_t pieceEnd = leftTotal + node->piece.length;
    if (at >= pieceEnd) {
        auto [a, b] = split(node->right, at - pieceEnd, priorities);
        return {makeNode(node->left, std::move(a), node->piece, node->priority), std::move(b)};
    }
    // `at` cuts this node's piece: the head keeps the node's place and priority; the tail becomes a new node with a
    // fresh priority, put in front of the right subtree by concat (so the heap order holds).
    const std::uint64_t cut = at - leftTotal;
    PieceNodePtr head = makeNode(node->left, nullptr, node->piece.sub(0, cut), node->priority);
    PieceNodePtr tail = makeNode(nullptr, nullptr, node->piece.sub(cut, node->piece.length - cut), priorities.next());
    return {std::move(head), concat(tail, node->right)};
}

std::size_t height(const PieceNodePtr &node)
{
    return node ? 1 + std::max(height(node->left), height(node->right)) : 0;
}

} // namespace piecetree
} // namespace hexmap
