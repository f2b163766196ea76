#pragma once

#include "core/byterange.h"

#include <QUndoCommand>

#include <cstdint>
#include <optional>

namespace hexmap {

class EditSession;

// EditCommand: one step of an EditSession's piece table (core/piecetable.h) on the session's QUndoStack, so that
// the Undo/Redo actions, the undo view and the piece table's history stay one history. The edit is already applied
// to the table when the command is pushed (its first redo() does nothing); undo()/redo() move the table one version
// back / forward (PieceTable::undo/redo, O(1)) and tell the session what changed.
// Consecutive typing (same typing generation) is one step: the session extends the table's last step
// (PieceTable::UndoStep::ExtendLast) exactly when it pushes a command that extends() the one on top, and mergeWith
// then accepts it, so both histories merge together or not at all.
// Owned by the session's QUndoStack. Thread: GUI thread only.
class EditCommand : public QUndoCommand
{
public:
    enum class Kind { Typing, Paste, Fill, Inspector, Insert, Delete, Cut, Revert, Reload };
    static constexpr int kTypingId = 0x4858; // id() of mergeable typing commands

    // Bytes [offset, offset + removed) replaced by `inserted` bytes (only for edits that change the size).
    struct Shift {
        std::uint64_t offset = 0;
        std::uint64_t removed = 0;
        std::uint64_t inserted = 0;
    };

    // `changed`: the document bytes that differ between the versions before and after (for repainting; for an
    // edit that changes the size, up to the end of the longer version). `count`: the bytes the step names in its
    // text ("Type 3 bytes").
    EditCommand(EditSession *session, Kind kind, ByteRange changed, std::uint64_t count, std::optional<Shift> shift,
                 std::uint64_t generation, bool extendsTop);

    void redo() override;
    void undo() override;
    int id() const override { return m_kind == Kind::Typing ? kTypingId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

    Kind kind() const { return m_kind; }
    std::uint64_t generation() const { return m_generation; }
    const std::optional<Shift> &shift() const { return m_shift; }
    // True when a typing step of `generation` with `shift` can join this one (see the class comment).
    bool canExtend(std::uint64_t generation, const std::optional<Shift> &shift) const;

private:
    void updateText();

    EditSession *m_session;
    Kind m_kind;
    ByteRange m_changed;
    std::uint64_t m_count;
    std::optional<Shift> m_shift;
    std::uint64_t m_generation;
    bool m_extendsTop;
    bool m_applied = true; // the edit is in the table already: the first redo() (from QUndoStack::push) skips
};

} // namespace hexmap
