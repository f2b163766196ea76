#include "core/piecetree.h"

#include <algorithm>
#include <vector>

namespace hexmap::piecetree {

namespace {

using Nodes = std::vector<PieceNodePtr>;
using Pieces = std::vector<Piece>;
constexpr std::size_t kMax = PieceNode::kMaxEntries;
constexpr std::size_t kMin = PieceNode::kMinEntries;

// Appends `piece`, or grows the last piece when `piece` continues it.
void pushMerged(Pieces &out, Piece piece)
{
    if (!out.empty() && out.back().isContinuedBy(piece))
        out.back().length += piece.length;
    else
        out.push_back(std::move(piece));
}

PieceNodePtr makeLeaf(const Piece *pieces, std::size_t n)
{
    auto leaf = std::make_shared<PieceLeaf>();
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Piece &piece = pieces[i];
        leaf->pieces[i] = piece;
        total += piece.length;
        leaf->ends[i] = total;
        if (piece.kind == Piece::Kind::Original)
            leaf->originalEnd = std::max(leaf->originalEnd, piece.src + piece.length);
    }
    leaf->total = total;
    leaf->count = std::uint32_t(n);
    leaf->height = 1;
    leaf->size = std::uint16_t(n);
    return leaf;
}

PieceNodePtr makeBranch(const PieceNodePtr *children, std::size_t n)
{
    auto branch = std::make_shared<PieceBranch>();
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const PieceNodePtr &child = children[i];
        branch->children[i] = child;
        total += child->total;
        branch->ends[i] = total;
        branch->count += child->count;
        branch->originalEnd = std::max(branch->originalEnd, child->originalEnd);
    }
    branch->total = total;
    branch->height = std::uint16_t(children[0]->height + 1);
    branch->size = std::uint16_t(n);
    return branch;
}

// Entries cut into nodes of at most kMax entries, as even as possible (so each has >= kMax / 2 when there are
// several).
template <typename T, typename Make>
Nodes chunk(const std::vector<T> &entries, Make make)
{
    Nodes out;
    const std::size_t n = entries.size();
    const std::size_t k = (n + kMax - 1) / kMax;
    std::size_t at = 0;
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t m = n / k + (j < n % k ? 1 : 0);
        out.push_back(make(entries.data() + at, m));
        at += m;
    }
    return out;
}

void rebalance(Nodes &list, std::size_t lo, std::size_t hi);

// Two neighbouring nodes of the same height as one or two nodes. A branch made underfull by an edit may hold a single
// underfull child (and so on down), so the children of merged branches are rebalanced too.
Nodes mergePair(const PieceNode &a, const PieceNode &b)
{
    if (a.isLeaf()) {
        Pieces pieces;
        pieces.reserve(a.size + b.size);
        for (const PieceNode *node : {&a, &b})
            for (std::size_t i = 0; i < node->size; ++i)
                pushMerged(pieces, asLeaf(*node).pieces[i]);
        return chunk(pieces, makeLeaf);
    }
    Nodes children;
    children.reserve(a.size + b.size);
    for (const PieceNode *node : {&a, &b})
        children.insert(children.end(), asBranch(*node).children.begin(), asBranch(*node).children.begin() + node->size);
    rebalance(children, 0, children.size());
    return chunk(children, makeBranch);
}

// Merges the underfull nodes among list[lo, hi) with a neighbour until none is left (or the list is one node).
void rebalance(Nodes &list, std::size_t lo, std::size_t hi)
{
    std::size_t i = lo;
    while (i < hi && i < list.size()) {
        if (list.size() < 2 || list[i]->size >= kMin) {
            ++i;
            continue;
        }
        const std::size_t a = i > 0 ? i - 1 : i; // merge list[a] and list[a + 1]
        Nodes merged = mergePair(*list[a], *list[a + 1]);
        list.erase(list.begin() + std::ptrdiff_t(a), list.begin() + std::ptrdiff_t(a + 2));
        list.insert(list.begin() + std::ptrdiff_t(a), merged.begin(), merged.end());
        hi = std::max(hi + merged.size() - 2, a + merged.size());
        i = a;
    }
}

Nodes editNode(const PieceNode &node, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert);

Nodes editLeaf(const PieceLeaf &leaf, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert)
{
    Pieces out;
    out.reserve(leaf.size + 2u);
    for (std::size_t i = 0; i < leaf.size; ++i) { // what stays before `from`
        const std::uint64_t s = leaf.startOf(i);
        const std::uint64_t e = leaf.ends[i];
        if (e <= from)
            pushMerged(out, leaf.pieces[i]);
        else if (s < from)
            pushMerged(out, leaf.pieces[i].sub(0, from - s));
    }
    if (insert)
        pushMerged(out, *insert);
    for (std::size_t i = 0; i < leaf.size; ++i) { // what stays after `to`
        const std::uint64_t s = leaf.startOf(i);
        const std::uint64_t e = leaf.ends[i];
        if (s >= to)
            pushMerged(out, leaf.pieces[i]);
        else if (e > to)
            pushMerged(out, leaf.pieces[i].sub(to - s, e - to));
    }
    return chunk(out, makeLeaf);
}

Nodes editBranch(const PieceBranch &branch, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert)
{
    // The edit starts in the child that holds `from`, or in the one that ends at `from` when it is a boundary, so
    // that an insert lands next to the piece it may continue (typing).
    std::size_t first = 0;
    while (first + 1 < branch.size && branch.ends[first] < from)
        ++first;
    Nodes list(branch.children.begin(), branch.children.begin() + std::ptrdiff_t(first));
    const std::size_t lo = list.size();
    std::size_t j = first;
    for (; j < branch.size; ++j) {
        const std::uint64_t s = branch.startOf(j);
        const std::uint64_t e = branch.ends[j];
        if (j > first && s >= to)
            break;
        const std::uint64_t a = std::max(from, s) - s;
        const std::uint64_t b = std::min(to, e) - s;
        const bool hasInsert = j == first && insert;
        if (a == b && !hasInsert) {
            list.push_back(branch.children[j]); // untouched
            continue;
        }
        if (a == 0 && b == e - s && !hasInsert)
            continue; // erased whole
        Nodes result = editNode(*branch.children[j], a, b, hasInsert ? insert : std::nullopt);
        list.insert(list.end(), result.begin(), result.end());
    }
    const std::size_t hi = list.size();
    list.insert(list.end(), branch.children.begin() + std::ptrdiff_t(j), branch.children.begin() + branch.size);
    rebalance(list, lo, std::max(hi, lo + 1));
    if (list.empty())
        return {};
    return chunk(list, makeBranch);
}

Nodes editNode(const PieceNode &node, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert)
{
    return node.isLeaf() ? editLeaf(asLeaf(node), from, to, insert) : editBranch(asBranch(node), from, to, insert);
}

} // namespace

PieceNodePtr single(Piece piece)
{
    return makeLeaf(&piece, 1);
}

namespace {

PieceNodePtr editOnce(const PieceNodePtr &root, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert)
{
    if (!root)
        return insert ? single(*insert) : nullptr;
    Nodes list = editNode(*root, from, to, insert);
    while (list.size() > 1) // the root split: grow a level
        list = chunk(list, makeBranch);
    if (list.empty())
        return nullptr;
    PieceNodePtr node = list.front();
    while (!node->isLeaf() && node->size == 1) // the root has one child: drop a level
        node = asBranch(*node).children[0];
    return node;
}

// When the pieces on both sides of document offset `at` continue each other but sit in different leaves (editLeaf
// only merges within a leaf), replaces the two by one.
PieceNodePtr joinAcross(const PieceNodePtr &root, std::uint64_t at)
{
    if (!root || at == 0 || at >= root->total)
        return root;
    const auto [before, beforeStart] = pieceAt(root.get(), at - 1);
    const auto [after, afterStart] = pieceAt(root.get(), at);
    if (before == after || afterStart != at || !before->isContinuedBy(*after))
        return root;
    Piece joined = *before;
    joined.length += after->length;
    return editOnce(root, beforeStart, at + after->length, joined);
}

} // namespace

PieceNodePtr edit(const PieceNodePtr &root, std::uint64_t from, std::uint64_t to, const std::optional<Piece> &insert)
{
    PieceNodePtr result = editOnce(root, from, to, insert);
    if (insert) {
        // the insert's far seam first: joining it cannot move `from`
        result = joinAcross(result, from + insert->length);
    }
    return joinAcross(result, from);
}

std::pair<const PieceNode *, std::uint64_t> leafAt(const PieceNode *node, std::uint64_t offset)
{
    if (!node || offset >= node->total)
        return {nullptr, 0};
    std::uint64_t base = 0;
    while (!node->isLeaf()) {
        const std::size_t i = node->entryAt(offset - base);
        base += node->startOf(i);
        node = asBranch(*node).children[i].get();
    }
    return {node, base};
}

std::pair<const Piece *, std::uint64_t> pieceAt(const PieceNode *node, std::uint64_t offset)
{
    if (!node || offset >= node->total)
        return {nullptr, 0};
    std::uint64_t base = 0;
    for (;;) {
        const std::size_t i = node->entryAt(offset - base);
        const std::uint64_t start = base + node->startOf(i);
        if (node->isLeaf())
            return {&asLeaf(*node).pieces[i], start};
        base = start;
        node = asBranch(*node).children[i].get();
    }
}

} // namespace hexmap::piecetree
