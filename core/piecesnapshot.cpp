#include "core/piecesnapshot.h"

#include "core/piecetree.h"

#include <algorithm>
#include <string>

namespace hexmap {


PieceSnapshot::PieceSnapshot() = default;

PieceSnapshot::PieceSnapshot(std::shared_ptr<const PieceNode> root, std::uint64_t originalSize)
    : m_root(std::move(root)), m_originalSize(originalSize)
{
}

std::uint64_t PieceSnapshot::size() const
{
    return piecetree::totalOf(m_root);
}

bool PieceSnapshot::isModified() const
{
    if (!m_root)
        return m_originalSize != 0;
    if (!m_root->isLeaf() || m_root->size != 1)
        return true;
    const Piece &piece = asLeaf(*m_root).pieces[0];
    return piece.kind != Piece::Kind::Original || piece.src != 0 || piece.length != m_originalSize;
}

Result<std::size_t> PieceSnapshot::read(std::uint64_t offset, std::span<std::byte> out, OriginalReader original) const
{
    const std::uint64_t total = size();
    if (offset > total)
        return {Errc::InvalidArgument,
                "read at offset " + std::to_string(offset) + " past the end (size " + std::to_string(total) + ")"};
    const std::size_t n = std::size_t(std::min<std::uint64_t>(out.size(), total - offset));
    if (n == 0)
        return std::size_t(0);
    const std::uint64_t end = offset + n;
    const auto [first, firstStart] = piecetree::pieceAt(m_root.get(), offset);
    if (end <= firstStart + first->length) { // the common case: one piece (one lookup)
        if (first->copyTo(offset - firstStart, out.first(n), original))
            return n;
        const std::uint64_t src = first->src + (offset - firstStart);
        return Error{make_error_code(Errc::FileTruncated),
                     "original bytes [" + std::to_string(src) + ", " + std::to_string(src + n) + ")"};
    }
    std::optional<Error> failure;
    auto copy = [&](std::uint64_t start, const Piece &piece) {
        if (failure)
            return;
        const std::uint64_t from = std::max(offset, start);
        const std::uint64_t to = std::min(end, start + piece.length);
        std::span<std::byte> part = out.subspan(std::size_t(from - offset), std::size_t(to - from));
        if (!piece.copyTo(from - start, part, original)) {
            const std::uint64_t src = piece.src + (from - start);
            failure = Error{make_error_code(Errc::FileTruncated),
                            "original bytes [" + std::to_string(src) + ", " + std::to_string(src + part.size()) + ")"};
        }
    };
    piecetree::visit(m_root.get(), 0, offset, end, copy);
    if (failure)
        return *failure;
    return n;
}

void PieceSnapshot::forEachSlice(ByteRange range, FunctionRef<void(std::uint64_t, const Piece &)> fn) const
{
    const std::uint64_t from = range.offset;
    const std::uint64_t to = std::min(range.end(), size());
    if (from >= to)
        return;
    auto clip = [&](std::uint64_t start, const Piece &piece) {
        const std::uint64_t a = std::max(from, start);
        const std::uint64_t b = std::min(to, start + piece.length);
        if (a == start && b == start + piece.length)
            fn(start, piece);
        else
            fn(a, piece.sub(a - start, b - a));
    };
    piecetree::visit(m_root.get(), 0, from, to, clip);
}

std::vector<PieceSnapshot::Slice> PieceSnapshot::slices(std::uint64_t from, std::uint64_t to) const
{
    std::vector<Slice> out;
    if (to > from)
        forEachSlice(ByteRange{from, to - from}, [&](std::uint64_t offset, const Piece &piece) {
            out.push_back({offset, piece});
        });
    return out;
}

bool PieceSnapshot::isOriginal(std::uint64_t offset) const
{
    const auto [piece, start] = piecetree::pieceAt(m_root.get(), offset);
    return piece && piece->kind == Piece::Kind::Original;
}

std::optional<std::uint64_t> PieceSnapshot::originalOffsetAt(std::uint64_t offset) const
{
    const auto [piece, start] = piecetree::pieceAt(m_root.get(), offset);
    if (!piece || piece->kind != Piece::Kind::Original)
        return std::nullopt;
    return piece->src + (offset - start);
}

std::optional<std::uint64_t> PieceSnapshot::mapOriginal(std::uint64_t originalOffset) const
{
    // Original pieces appear in increasing src order, so the first subtree whose originalEnd is above the offset
    // holds it if anything does, and an Original piece starting after it means the byte was erased.
    const PieceNode *node = m_root.get();
    if (!node || node->originalEnd <= originalOffset)
        return std::nullopt;
    std::uint64_t base = 0;
    while (!node->isLeaf()) {
        const PieceBranch &branch = asBranch(*node);
        std::size_t i = 0;
        while (branch.children[i]->originalEnd <= originalOffset) // some child has originalEnd > originalOffset
            ++i;
        base += branch.startOf(i);
        node = branch.children[i].get();
    }
    const PieceLeaf &leaf = asLeaf(*node);
    for (std::size_t i = 0; i < leaf.size; ++i) {
        const Piece &piece = leaf.pieces[i];
        if (piece.kind != Piece::Kind::Original)
            continue;
        if (originalOffset < piece.src)
            return std::nullopt;
        if (originalOffset < piece.src + piece.length)
            return base + leaf.startOf(i) + (originalOffset - piece.src);
    }
    return std::nullopt;
}

std::vector<ByteRange> PieceSnapshot::editedRanges() const
{
    std::vector<ByteRange> ranges;
    forEachSlice({0, size()}, [&](std::uint64_t at, const Piece &piece) {
        if (piece.kind == Piece::Kind::Original)
            return;
        if (!ranges.empty() && ranges.back().end() == at)
            ranges.back().size += piece.length;
        else
            ranges.push_back({at, piece.length});
    });
    return ranges;
}

std::uint64_t PieceSnapshot::editedBytes() const
{
    std::uint64_t total = 0;
    forEachSlice({0, size()}, [&](std::uint64_t, const Piece &piece) {
        if (piece.kind != Piece::Kind::Original)
            total += piece.length;
    });
    return total;
}

bool PieceSnapshot::isInPlace() const
{
    if (size() != m_originalSize)
        return false;
    bool inPlace = true;
    forEachSlice({0, size()}, [&](std::uint64_t at, const Piece &piece) {
        inPlace = inPlace && (piece.kind != Piece::Kind::Original || piece.src == at);
    });
    return inPlace;
}

std::optional<EditOverlay> PieceSnapshot::overwrites() const
{
    if (!isInPlace())
        return std::nullopt;
    EditOverlay overlay;
    std::vector<std::byte> bytes;
    forEachSlice({0, size()}, [&](std::uint64_t at, const Piece &piece) {
        if (piece.kind == Piece::Kind::Original)
            return;
        bytes.resize(static_cast<std::size_t>(piece.length));
        // Memory and Fill pieces hold their bytes: the original reader is never called.
        (void)piece.copyTo(0, bytes, [](std::uint64_t, std::span<std::byte>) { return false; });
        (void)overlay.set(at, bytes);
    });
    return overlay;
}

SaveLayout PieceSnapshot::layout() const
{
    SaveLayout layout;
    layout.reserve(pieceCount());
    forEachSlice(ByteRange{0, size()}, [&](std::uint64_t offset, const Piece &piece) {
        SavePiece out;
        out.kind = piece.kind == Piece::Kind::Original ? SavePiece::Kind::Original
            : piece.kind == Piece::Kind::Memory        ? SavePiece::Kind::Memory
                                                       : SavePiece::Kind::Fill;
        out.dst = offset;
        out.length = piece.length;
        out.src = piece.src;
        out.bytes = piece.bytes;
        layout.push_back(std::move(out));
    });
    return layout;
}

std::size_t PieceSnapshot::pieceCount() const
{
    return piecetree::countOf(m_root);
}

std::size_t PieceSnapshot::height() const
{
    return piecetree::heightOf(m_root);
}

} // namespace hexmap
