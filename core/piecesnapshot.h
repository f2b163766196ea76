#pragma once

#include "core/byterange.h"
#include "core/editoverlay.h"
#include "core/piece.h"
#include "core/result.h"
#include "core/savelayout.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace hexmap {

struct PieceNode;

// PieceSnapshot: one version of a document in the piece table (core/piecetable.h), as an ordered sequence of
// pieces over an original of originalSize() bytes. It is one pointer to the root of an immutable tree: copying it
// is O(1) (a reference count), and nothing can change it, so a reader (a scan job, the saver, a painter) may keep
// reading a snapshot on any thread while the editor goes on editing, undoing and redoing: the edits build new
// nodes and share the old ones. Hand a snapshot to another thread through something that synchronizes (a mutex, a
// queued call, a future); after that both threads may read it concurrently.
// Costs: n = pieceCount(); an offset lookup reads one node per level of a B+tree (height() <= log4(n) + 1, about 5
// for 100 000 pieces), reading k bytes spanning p pieces is O(log n + p + k); a document without edits is one
// piece, so reading a row is one lookup and one call of the original reader. To read many nearby rows (a paint, a
// scan), read them as one span or through a PieceCursor (core/piececursor.h), which skips the lookup while it stays
// in one leaf.
// Thread: any; a snapshot's methods are const and safe to call from several threads at once.
class PieceSnapshot {
public:
    // One piece of the document at `offset`, as visited by forEachSlice()/slices().
    struct Slice {
        std::uint64_t offset = 0;
        Piece piece;
    };

    // An empty document (no original, no edits).
    PieceSnapshot();

    std::uint64_t size() const;
    std::uint64_t originalSize() const { return m_originalSize; }
    // True when the document is not exactly the original as one untouched piece (or an empty original left empty).
    // Edits that cancel out structurally (insert, then erase what was inserted) are not modifications: the original
    // pieces around them join again; edits that only happen to restore the same bytes (overwrite with the same
    // value) are.
    bool isModified() const;

    // Copies the document's bytes [offset, offset + n) into out, n = min(out.size(), size() - offset), bytes of the
    // original through `original`, and returns n (0 at offset == size()). Fails with Errc::InvalidArgument when
    // offset > size() (naming it), Errc::FileTruncated when `original` fails (naming the original range); out's
    // bytes are then unspecified.
    Result<std::size_t> read(std::uint64_t offset, std::span<std::byte> out, OriginalReader original) const;

    // Calls fn(offset, piece) for each piece of the document overlapping `range`, clipped to it, in order. Never fails
    // (a range past the end is clipped to size()).
    void forEachSlice(ByteRange range, FunctionRef<void(std::uint64_t offset, const Piece &piece)> fn) const;
    // The same as a vector, over [from, to). Never fails.
    std::vector<Slice> slices(std::uint64_t from, std::uint64_t to) const;

    // The byte at document `offset` is a byte of the original file (possibly moved by inserts and erases before it).
    // False past the end. Never fails.
    bool isOriginal(std::uint64_t offset) const;
    // Where the byte at document `offset` was in the original file, or nullopt when it is an inserted byte or past
    // the end. Never fails.
    std::optional<std::uint64_t> originalOffsetAt(std::uint64_t offset) const;
    // Where the original byte at `originalOffset` is now in the document, or nullopt when it was erased (or is past the
    // original's end). O(log n). Never fails.
    std::optional<std::uint64_t> mapOriginal(std::uint64_t originalOffset) const;

    // Where the document's bytes differ from the original's at the same place because they came from an edit: the
    // document ranges of Memory and Fill pieces (inserted or overwritten bytes), sorted, disjoint, adjacent pieces
    // joined; and their total length. O(pieces). Never fails.
    std::vector<ByteRange> editedRanges() const;
    std::uint64_t editedBytes() const;

    // True when every byte of the original that is still in the document is at its original offset and the size is
    // the original's: the document is the original with bytes overwritten in place (a Save needs no moves).
    bool isInPlace() const;
    // The document as overwrites of the original (the edited bytes as runs, for saveOverlay) when isInPlace(),
    // nullopt otherwise. The bytes come from the pieces (the original is not read). O(pieces + edited bytes).
    std::optional<EditOverlay> overwrites() const;

    // The document as pieces to save, in order (see core/savelayout.h): dst contiguous from 0, lengths summing to
    // size(), no empty piece, and the Original pieces strictly increasing in src and disjoint, since no edit ever
    // duplicates or reorders original bytes (inserts add Memory/Fill pieces, erases drop bytes). No piece continues
    // its neighbour (Piece::isContinuedBy: the edits join such pieces), so an unedited stretch of the original is
    // one piece, in place when nothing before it changed size. Never fails.
    SaveLayout layout() const;

    // Debug/test accessors: pieces in the document, the tree's height (levels, 0 when empty) and its root.
    std::size_t pieceCount() const;
    std::size_t height() const;
    const PieceNode *rootNode() const { return m_root.get(); } // null for an empty document
    // True when both are the same version (the same root), e.g. a snapshot and the table after undoing back to it.
    bool isSameVersion(const PieceSnapshot &other) const { return m_root == other.m_root; }

private:
    friend class PieceTable;
    PieceSnapshot(std::shared_ptr<const PieceNode> root, std::uint64_t originalSize);

    std::shared_ptr<const PieceNode> m_root;
    std::uint64_t m_originalSize = 0;
};

} // namespace hexmap
