#pragma once

#include "core/piece.h"
#include "core/piecesnapshot.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace hexmap {

// PieceTable: the editing model of a document over an original of originalSize() bytes (the file as opened): an
// ordered sequence of pieces (core/piece.h: original ranges, bytes in memory, repeating fills) in a persistent
// B+tree with per-entry byte offsets (core/piecetree.h), so that finding an offset is O(log n) in the number of
// pieces n (5 levels for 166 000 pieces), and a version of the whole document is one root pointer (a PieceSnapshot).
//
// Edits: insert, insertFill, erase, overwrite, overwriteFill. Each is one undo step, or extends the last step when
// called with UndoStep::ExtendLast (a run of typing as one step). Undo and redo move between versions: O(1) each,
// the history keeps a root per step. Edits never touch the original and never copy it; inserted bytes go into
// shared append-only buffers (64 KiB chunks; an insert above 16 KiB gets a buffer of its own), and an insert that
// continues the previous one (typing, overwriting byte after byte) grows the same piece instead of adding one. A fill of any length is one piece with no buffer.
// Memory: O(edits), never O(file). The live tree costs about 50-70 bytes per piece (leaves of 16 pieces, 792 bytes,
// about 3/4 full; branches of 16 children, 408 bytes; see PieceNode). Each undo step keeps alive the nodes its edit
// copied: one leaf and one branch per level, about 0.8 KiB on a small document and 2.6 KiB at 166 000 pieces
// (measured: 50 000 one-byte overwrites as separate steps ~42 MB; 100 000 random edits at 166 000 pieces ~264 MB),
// so the GUI should join a run of typing into one step with UndoStep::ExtendLast. Plus the inserted bytes.
//
// Failure contract: every edit checks its arguments first and changes nothing when it fails, with
// Errc::InvalidArgument and a context naming the offending value (offset past the end, zero length, an empty or too
// long pattern, offset + length overflowing, a document above UINT64_MAX bytes). Nothing else fails.
//
// Thread: one thread edits (the GUI thread); any thread may read the snapshots it hands out (PieceSnapshot).
class PieceTable {
public:
    enum class UndoStep {
        New,        // the edit is a step of its own
        ExtendLast, // the edit joins the last step (when there is one that has not been undone; else New)
    };

    explicit PieceTable(std::uint64_t originalSize = 0);
    // Not copyable: two tables must never append to the same insert chunk. Movable (a moved-from table is only
    // destroyed or assigned).
    PieceTable(const PieceTable &) = delete;
    PieceTable &operator=(const PieceTable &) = delete;
    PieceTable(PieceTable &&) noexcept = default;
    PieceTable &operator=(PieceTable &&) noexcept = default;

    std::uint64_t size() const { return m_current.size(); }
    std::uint64_t originalSize() const { return m_current.originalSize(); }

    // Inserts `bytes` before document offset `offset` (offset == size() appends). Errors: offset > size(), empty bytes,
    // size() + bytes.size() > UINT64_MAX.
    Status insert(std::uint64_t offset, std::span<const std::byte> bytes, UndoStep step = UndoStep::New);
    // Inserts `length` bytes repeating `pattern` (1..Piece::kMaxFillPattern bytes, starting with pattern[0]) as one
    // piece, whatever the length. Errors: offset > size(), length 0, pattern empty or too long, size overflow.
    Status insertFill(std::uint64_t offset, std::span<const std::byte> pattern, std::uint64_t length,
                      UndoStep step = UndoStep::New);
    // Erases [offset, offset + length). Errors: length 0, offset + length > size() or overflowing.
    Status erase(std::uint64_t offset, std::uint64_t length, UndoStep step = UndoStep::New);
    // Replaces [offset, offset + bytes.size()) by `bytes` in one step; the part past the end, if any, is appended (as
    // HxD does at the end of a file), so overwrite(size(), b) appends. Errors: offset > size(), empty bytes, overflow.
    Status overwrite(std::uint64_t offset, std::span<const std::byte> bytes, UndoStep step = UndoStep::New);
    // overwrite() with `length` bytes of a repeating pattern (insertFill's pattern rules); the same errors.
    Status overwriteFill(std::uint64_t offset, std::span<const std::byte> pattern, std::uint64_t length,
                         UndoStep step = UndoStep::New);

    // Makes the document the original again (Revert Unsaved Edits) as an edit of its own, so undo brings the edits
    // back. Errors: Errc::InvalidArgument when the document is not modified (nothing to revert).
    Status restoreOriginal(UndoStep step = UndoStep::New);

    // Goes back / forward one step. Errors: Errc::InvalidArgument when there is nothing to undo / redo.
    Status undo();
    Status redo();
    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index + 1 < m_history.size(); }
    std::size_t undoCount() const { return m_index; }
    std::size_t redoCount() const { return m_history.size() - 1 - m_index; }
    bool isModified() const { return m_current.isModified(); }

    // The current version: cheap (one reference count), immutable, readable from any thread.
    PieceSnapshot snapshot() const { return m_current; }
    const PieceSnapshot &current() const { return m_current; }

    // Shortcuts to current() (see PieceSnapshot for each contract).
    Result<std::size_t> read(std::uint64_t offset, std::span<std::byte> out, OriginalReader original) const
    {
        return m_current.read(offset, out, original);
    }
    bool isOriginal(std::uint64_t offset) const { return m_current.isOriginal(offset); }
    std::optional<std::uint64_t> mapOriginal(std::uint64_t originalOffset) const
    {
        return m_current.mapOriginal(originalOffset);
    }
    SaveLayout layout() const { return m_current.layout(); }

    // Bytes held in insert buffers (including unused room in the current chunk). Never fails.
    std::uint64_t bufferBytes() const { return m_bufferBytes; }

private:
    Status checkInsert(const char *what, std::uint64_t offset, std::uint64_t length) const;
    static Status checkPattern(std::span<const std::byte> pattern);
    // The piece holding a copy of `bytes` (appended to the current chunk, or a buffer of its own).
    Piece store(std::span<const std::byte> bytes);
    // Replaces [offset, offset + eraseLength) by `piece` (when given) and records the result as a step.
    void apply(std::uint64_t offset, std::uint64_t eraseLength, std::optional<Piece> piece, UndoStep step);

    std::vector<PieceSnapshot> m_history; // every version; m_history[m_index] is m_current
    std::size_t m_index = 0;
    PieceSnapshot m_current;
    std::shared_ptr<std::vector<std::byte>> m_chunk; // the append-only chunk: bytes past m_chunkUsed are unshared
    std::size_t m_chunkUsed = 0;
    std::uint64_t m_bufferBytes = 0;
};

} // namespace hexmap
