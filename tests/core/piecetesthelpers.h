#pragma once
// Helpers for the piece table suites: an original held in a vector, a plain reference model of the document
// (bytes plus, per byte, the original offset it came from) and checks of a table against the model that return a
// description of the first difference ("" when equal), so that the caller can name its seed and step.

#include "core/piececursor.h"
#include "core/piecetable.h"
#include "core/piecetree.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace piecetest {

using hexmap::PieceTable;

inline std::vector<std::byte> originalBytes(std::size_t size)
{
    std::vector<std::byte> bytes(size);
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = std::byte((i * 131 + (i >> 8) * 7 + 3) & 0xFF);
    return bytes;
}

// An OriginalReader over `bytes` that fails past its end, counting its calls.
struct VectorReader {
    const std::vector<std::byte> *bytes;
    int *calls = nullptr;
    bool operator()(std::uint64_t offset, std::span<std::byte> out) const
    {
        if (calls)
            ++*calls;
        if (offset > bytes->size() || out.size() > bytes->size() - offset)
            return false;
        if (!out.empty())
            std::memcpy(out.data(), bytes->data() + offset, out.size());
        return true;
    }
};

struct Model {
    std::vector<std::byte> bytes;
    std::vector<std::int64_t> origin; // original offset of each byte, -1 for inserted bytes

    explicit Model(const std::vector<std::byte> &original = {}) : bytes(original), origin(original.size())
    {
        for (std::size_t i = 0; i < origin.size(); ++i)
            origin[i] = std::int64_t(i);
    }
    std::uint64_t size() const { return bytes.size(); }
    void insert(std::size_t at, const std::vector<std::byte> &data)
    {
        bytes.insert(bytes.begin() + std::ptrdiff_t(at), data.begin(), data.end());
        origin.insert(origin.begin() + std::ptrdiff_t(at), data.size(), -1);
    }
    void erase(std::size_t at, std::size_t length)
    {
        bytes.erase(bytes.begin() + std::ptrdiff_t(at), bytes.begin() + std::ptrdiff_t(at + length));
        origin.erase(origin.begin() + std::ptrdiff_t(at), origin.begin() + std::ptrdiff_t(at + length));
    }
    void overwrite(std::size_t at, const std::vector<std::byte> &data)
    {
        erase(at, std::min(data.size(), bytes.size() - at));
        insert(at, data);
    }
};

inline std::vector<std::byte> repeat(const std::vector<std::byte> &pattern, std::size_t length)
{
    std::vector<std::byte> out(length);
    for (std::size_t i = 0; i < length; ++i)
        out[i] = pattern[i % pattern.size()];
    return out;
}

inline std::string rangeText(std::uint64_t offset, std::uint64_t length)
{
    return "[" + std::to_string(offset) + ", " + std::to_string(offset + length) + ")";
}

// Reads [offset, offset + length) of the table and compares it with the model.
inline std::string compareRange(const hexmap::PieceSnapshot &doc, const Model &model,
                                const std::vector<std::byte> &original, std::uint64_t offset, std::uint64_t length)
{
    std::vector<std::byte> out(length + 3, std::byte{0xEE}); // 3 bytes more: the read must clamp at the end
    const auto n = doc.read(offset, out, VectorReader{&original});
    if (!n)
        return "read " + rangeText(offset, length) + " failed: " + n.message();
    const std::uint64_t expected = std::min<std::uint64_t>(length + 3, model.size() - offset);
    if (*n != expected)
        return "read " + rangeText(offset, length) + " returned " + std::to_string(*n) + " bytes, expected "
            + std::to_string(expected);
    for (std::size_t i = 0; i < expected; ++i)
        if (out[i] != model.bytes[offset + i])
            return "byte " + std::to_string(offset + i) + " differs (read " + rangeText(offset, length) + ")";
    return {};
}

// A PieceCursor reading the whole document in consecutive steps of 1..37 bytes, then at a few random offsets,
// compared with the model.
inline std::string checkCursor(const hexmap::PieceSnapshot &doc, const Model &model,
                               const std::vector<std::byte> &original, std::mt19937_64 &rng)
{
    hexmap::PieceCursor cursor(doc);
    std::vector<std::byte> out(40);
    const auto compare = [&](std::uint64_t offset, std::size_t length) -> std::string {
        const auto n = cursor.read(offset, std::span(out).first(length), VectorReader{&original});
        const std::uint64_t expected = std::min<std::uint64_t>(length, model.size() - offset);
        if (!n || *n != expected)
            return "cursor read " + rangeText(offset, length) + ": " + (n ? std::to_string(*n) + " bytes" : n.message());
        for (std::size_t i = 0; i < expected; ++i)
            if (out[i] != model.bytes[offset + i])
                return "cursor byte " + std::to_string(offset + i) + " differs (read " + rangeText(offset, length) + ")";
        return {};
    };
    const std::size_t step = 1 + rng() % 37;
    for (std::uint64_t offset = 0; offset < model.size(); offset += step)
        if (auto e = compare(offset, step); !e.empty())
            return e;
    for (int i = 0; i < 8; ++i)
        if (auto e = compare(rng() % (model.size() + 1), 1 + rng() % 40); !e.empty())
            return e;
    return {};
}

// layout(): contiguous, no empty piece, total = size, Original pieces increasing and disjoint, and the bytes it
// describes are the model's.
inline std::string checkLayout(const hexmap::PieceSnapshot &doc, const Model &model,
                               const std::vector<std::byte> &original)
{
    using Kind = hexmap::SavePiece::Kind;
    const hexmap::SaveLayout layout = doc.layout();
    std::uint64_t dst = 0;
    std::uint64_t originalEnd = 0;
    bool seenOriginal = false;
    for (const auto &piece : layout) {
        if (piece.dst != dst)
            return "layout piece at " + std::to_string(piece.dst) + " should start at " + std::to_string(dst);
        if (piece.length == 0)
            return "empty layout piece at " + std::to_string(dst);
        if (piece.kind == Kind::Original) {
            if (seenOriginal && piece.src < originalEnd)
                return "Original piece src " + std::to_string(piece.src) + " not after " + std::to_string(originalEnd);
            if (piece.src + piece.length > original.size())
                return "Original piece past the original's end at dst " + std::to_string(dst);
            seenOriginal = true;
            originalEnd = piece.src + piece.length;
        }
        for (std::uint64_t i = 0; i < piece.length; ++i) {
            const std::byte b = piece.kind == Kind::Original ? original[piece.src + i]
                : piece.kind == Kind::Memory                 ? (*piece.bytes)[piece.src + i]
                                             : (*piece.bytes)[(piece.src + i) % piece.bytes->size()];
            if (b != model.bytes[dst + i])
                return "layout byte " + std::to_string(dst + i) + " differs";
        }
        dst += piece.length;
    }
    if (dst != model.size())
        return "layout covers " + std::to_string(dst) + " bytes of " + std::to_string(model.size());
    return {};
}

// No piece is continued by its neighbour (the edits join such pieces, so a layout has as few pieces as it can).
inline std::string checkNoContinuedNeighbours(const hexmap::PieceSnapshot &doc)
{
    const auto slices = doc.slices(0, doc.size());
    for (std::size_t i = 1; i < slices.size(); ++i)
        if (slices[i - 1].piece.isContinuedBy(slices[i].piece))
            return "the piece at " + std::to_string(slices[i].offset) + " continues the one before it";
    return {};
}

// mapOriginal / isOriginal / originalOffsetAt against the model's origins: every offset when small, else `samples`
// random ones.
inline std::string checkMapping(const hexmap::PieceSnapshot &doc, const Model &model, std::uint64_t originalSize,
                                std::mt19937_64 &rng, std::size_t samples = 512)
{
    std::vector<std::int64_t> where(originalSize, -1);
    for (std::size_t i = 0; i < model.origin.size(); ++i)
        if (model.origin[i] >= 0)
            where[std::size_t(model.origin[i])] = std::int64_t(i);
    const bool all = originalSize <= 4096;
    for (std::size_t k = 0; k < (all ? originalSize : samples); ++k) {
        const std::uint64_t o = all ? k : rng() % originalSize;
        const auto mapped = doc.mapOriginal(o);
        const bool ok = where[o] < 0 ? !mapped : mapped && *mapped == std::uint64_t(where[o]);
        if (!ok)
            return "mapOriginal(" + std::to_string(o) + ") = " + (mapped ? std::to_string(*mapped) : "none")
                + ", expected " + std::to_string(where[o]);
    }
    if (doc.mapOriginal(originalSize))
        return "mapOriginal(originalSize) should be none";
    const bool allDoc = model.size() <= 4096;
    for (std::size_t k = 0; k < (allDoc ? model.size() : samples); ++k) {
        const std::uint64_t d = allDoc ? k : rng() % model.size();
        const auto from = doc.originalOffsetAt(d);
        const std::int64_t expected = model.origin[d];
        if (doc.isOriginal(d) != (expected >= 0) || (expected >= 0 ? !from || *from != std::uint64_t(expected) : bool(from)))
            return "originalOffsetAt/isOriginal(" + std::to_string(d) + ") wrong, expected " + std::to_string(expected);
    }
    if (doc.isOriginal(model.size()) || doc.originalOffsetAt(model.size()))
        return "isOriginal(size()) should be false";
    return {};
}

// The B+tree's invariants below `node` (core/piecetree.h): entries within bounds, every node but the root at least
// kMinEntries full, children one level lower, ends/total/count/originalEnd equal to what the entries hold.
inline std::string checkNode(const hexmap::PieceNode &node, bool isRoot)
{
    using hexmap::PieceNode;
    if (node.size == 0 || node.size > PieceNode::kMaxEntries || (!isRoot && node.size < PieceNode::kMinEntries))
        return "node of height " + std::to_string(node.height) + " holds " + std::to_string(node.size) + " entries";
    std::uint64_t total = 0;
    std::uint64_t count = 0;
    std::uint64_t originalEnd = 0;
    for (std::size_t i = 0; i < node.size; ++i) {
        if (node.isLeaf()) {
            const hexmap::Piece &piece = hexmap::asLeaf(node).pieces[i];
            if (piece.length == 0)
                return "empty piece in a leaf";
            total += piece.length;
            ++count;
            if (piece.kind == hexmap::Piece::Kind::Original)
                originalEnd = std::max(originalEnd, piece.src + piece.length);
        } else {
            const auto &child = hexmap::asBranch(node).children[i];
            if (!child || child->height + 1 != node.height)
                return "child of height " + std::to_string(child ? child->height : 0) + " under height "
                    + std::to_string(node.height);
            if (auto e = checkNode(*child, false); !e.empty())
                return e;
            total += child->total;
            count += child->count;
            originalEnd = std::max(originalEnd, child->originalEnd);
        }
        if (node.ends[i] != total)
            return "ends[" + std::to_string(i) + "] = " + std::to_string(node.ends[i]) + ", entries sum to "
                + std::to_string(total);
    }
    if (node.total != total || node.count != count || node.originalEnd != originalEnd)
        return "node aggregates (total, count, originalEnd) differ from its entries";
    return {};
}

inline std::string checkTree(const hexmap::PieceSnapshot &doc)
{
    const hexmap::PieceNode *root = doc.rootNode();
    if (!root)
        return doc.size() == 0 ? std::string() : "no tree under a non-empty document";
    if (!root->isLeaf() && root->size < 2)
        return "a branch root with one child";
    return checkNode(*root, true);
}

// Everything above: size, whole document, `ranges` random ranges, layout, mapping.
inline std::string checkAll(const hexmap::PieceSnapshot &doc, const Model &model, const std::vector<std::byte> &original,
                            std::mt19937_64 &rng, int ranges = 4)
{
    if (doc.size() != model.size())
        return "size " + std::to_string(doc.size()) + ", expected " + std::to_string(model.size());
    if (auto e = compareRange(doc, model, original, 0, model.size()); !e.empty())
        return e;
    for (int i = 0; i < ranges; ++i) {
        const std::uint64_t offset = rng() % (model.size() + 1);
        const std::uint64_t length = rng() % (std::min<std::uint64_t>(model.size() - offset, 64) + 1);
        if (auto e = compareRange(doc, model, original, offset, length); !e.empty())
            return e;
    }
    if (auto e = checkLayout(doc, model, original); !e.empty())
        return e;
    if (auto e = checkTree(doc); !e.empty())
        return e;
    if (auto e = checkCursor(doc, model, original, rng); !e.empty())
        return e;
    if (auto e = checkNoContinuedNeighbours(doc); !e.empty())
        return e;
    if (!doc.isModified() && model.bytes != original)
        return "isModified() is false but the bytes differ from the original";
    return checkMapping(doc, model, original.size(), rng);
}

} // namespace piecetest
