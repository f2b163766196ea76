#include "core/piecetable.h"

#include "core/piecetree.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace hexmap {

namespace {

constexpr std::size_t kChunkSize = 64 * 1024;   // inserts share append-only chunks of this size...
constexpr std::size_t kOwnBufferAbove = 16 * 1024; // ...except larger ones, which get an exact buffer each

std::string str(std::uint64_t value)
{
    return std::to_string(value);
}

} // namespace

PieceTable::PieceTable(std::uint64_t originalSize)
{
    PieceNodePtr root;
    if (originalSize > 0)
        root = piecetree::single(Piece::original(0, originalSize));
    m_current = PieceSnapshot(std::move(root), originalSize);
    m_history.push_back(m_current);
}

Status PieceTable::checkInsert(const char *what, std::uint64_t offset, std::uint64_t length) const
{
    if (offset > size())
        return {Errc::InvalidArgument,
                std::string(what) + " at offset " + str(offset) + " past the end (size " + str(size()) + ")"};
    if (length == 0)
        return {Errc::InvalidArgument, std::string(what) + " of length 0 at offset " + str(offset)};
    if (length > UINT64_MAX - size())
        return {Errc::InvalidArgument,
                std::string(what) + " of " + str(length) + " bytes overflows the document size " + str(size())};
    return {};
}

Status PieceTable::checkPattern(std::span<const std::byte> pattern)
{
    if (pattern.empty() || pattern.size() > Piece::kMaxFillPattern)
        return {Errc::InvalidArgument, "fill pattern of " + str(pattern.size()) + " bytes (1 to "
                                           + str(Piece::kMaxFillPattern) + " allowed)"};
    return {};
}

Status PieceTable::insert(std::uint64_t offset, std::span<const std::byte> bytes, UndoStep step)
{
    if (auto status = checkInsert("insert", offset, bytes.size()); !status)
        return status;
    apply(offset, 0, store(bytes), step);
    return {};
}

Status PieceTable::insertFill(std::uint64_t offset, std::span<const std::byte> pattern, std::uint64_t length,
                              UndoStep step)
{
    if (auto status = checkPattern(pattern); !status)
        return status;
    if (auto status = checkInsert("fill insert", offset, length); !status)
        return status;
    auto shared = std::make_shared<const std::vector<std::byte>>(pattern.begin(), pattern.end());
    apply(offset, 0, Piece::fill(std::move(shared), 0, length), step);
    return {};
}

Status PieceTable::erase(std::uint64_t offset, std::uint64_t length, UndoStep step)
{
    if (length == 0)
        return {Errc::InvalidArgument, "erase of length 0 at offset " + str(offset)};
    if (offset > size() || length > size() - offset)
        return {Errc::InvalidArgument, "erase of " + str(length) + " bytes at offset " + str(offset)
                                           + " past the end (size " + str(size()) + ")"};
    apply(offset, length, std::nullopt, step);
    return {};
}

Status PieceTable::overwrite(std::uint64_t offset, std::span<const std::byte> bytes, UndoStep step)
{
    if (offset > size())
        return {Errc::InvalidArgument, "overwrite at offset " + str(offset) + " past the end (size " + str(size()) + ")"};
    if (bytes.empty())
        return {Errc::InvalidArgument, "overwrite of length 0 at offset " + str(offset)};
    const std::uint64_t erased = std::min<std::uint64_t>(bytes.size(), size() - offset);
    if (bytes.size() - erased > UINT64_MAX - size())
        return {Errc::InvalidArgument,
                "overwrite of " + str(bytes.size()) + " bytes overflows the document size " + str(size())};
    apply(offset, erased, store(bytes), step);
    return {};
}

Status PieceTable::overwriteFill(std::uint64_t offset, std::span<const std::byte> pattern, std::uint64_t length,
                                 UndoStep step)
{
    if (auto status = checkPattern(pattern); !status)
        return status;
    if (offset > size())
        return {Errc::InvalidArgument,
                "fill overwrite at offset " + str(offset) + " past the end (size " + str(size()) + ")"};
    if (length == 0)
        return {Errc::InvalidArgument, "fill overwrite of length 0 at offset " + str(offset)};
    const std::uint64_t erased = std::min(length, size() - offset);
    if (length - erased > UINT64_MAX - size())
        return {Errc::InvalidArgument,
                "fill overwrite of " + str(length) + " bytes overflows the document size " + str(size())};
    auto shared = std::make_shared<const std::vector<std::byte>>(pattern.begin(), pattern.end());
    apply(offset, erased, Piece::fill(std::move(shared), 0, length), step);
    return {};
}

Status PieceTable::restoreOriginal(UndoStep step)
{
    if (!isModified())
        return {Errc::InvalidArgument, "revert of a document with no edits"};
    std::optional<Piece> original;
    if (originalSize() > 0)
        original = Piece::original(0, originalSize());
    apply(0, size(), std::move(original), step);
    return {};
}

Status PieceTable::undo()
{
    if (!canUndo())
        return {Errc::InvalidArgument, "undo with nothing to undo"};
    m_current = m_history[--m_index];
    return {};
}

Status PieceTable::redo()
{
    if (!canRedo())
        return {Errc::InvalidArgument, "redo with nothing to redo"};
    m_current = m_history[++m_index];
    return {};
}

Piece PieceTable::store(std::span<const std::byte> bytes)
{
    if (bytes.size() > kOwnBufferAbove) {
        auto own = std::make_shared<const std::vector<std::byte>>(bytes.begin(), bytes.end());
        m_bufferBytes += bytes.size();
        return Piece::memory(std::move(own), 0, bytes.size());
    }
    if (!m_chunk || kChunkSize - m_chunkUsed < bytes.size()) {
        m_chunk = std::make_shared<std::vector<std::byte>>(kChunkSize);
        m_chunkUsed = 0;
        m_bufferBytes += kChunkSize;
    }
    // Bytes past m_chunkUsed belong to no piece yet, so no snapshot (on any thread) reads them while we write.
    std::memcpy(m_chunk->data() + m_chunkUsed, bytes.data(), bytes.size());
    const std::size_t at = m_chunkUsed;
    m_chunkUsed += bytes.size();
    return Piece::memory(m_chunk, at, bytes.size());
}

void PieceTable::apply(std::uint64_t offset, std::uint64_t eraseLength, std::optional<Piece> piece, UndoStep step)
{
    PieceNodePtr root = piecetree::edit(m_current.m_root, offset, offset + eraseLength, piece);
    m_current = PieceSnapshot(std::move(root), m_current.originalSize());

    const bool lastStepIsLive = m_index > 0 && m_index + 1 == m_history.size();
    m_history.resize(m_index + 1); // an edit drops the redo steps
    if (step == UndoStep::ExtendLast && lastStepIsLive)
        m_history[m_index] = m_current;
    else {
        m_history.push_back(m_current);
        ++m_index;
    }
}

} // namespace hexmap
