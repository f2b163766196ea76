#pragma once

#include "core/editoverlay.h"

#include <QUndoCommand>

#include <cstddef>
#include <cstdint>
#include <span>

namespace hexmap {

class EditSession;

// OverwriteCommand: one overwrite of bytes in an EditSession's overlay. It snapshots the overlay's state over the
// bytes it changes (not the file's bytes), so undo restores the overlay exactly. Consecutive typing (same typing
// generation, contiguous) merges into one step.
// Owned by the session's QUndoStack. Thread: GUI thread only.
class OverwriteCommand : public QUndoCommand
{
public:
    enum class Kind { Typing, Paste, Fill, Inspector };
    static constexpr int kTypingId = 0x4858; // id() of mergeable typing commands

    OverwriteCommand(EditSession *session, std::uint64_t offset, std::span<const std::byte> bytes, Kind kind,
                     std::uint64_t generation);

    void redo() override;
    void undo() override;
    int id() const override { return m_kind == Kind::Typing ? kTypingId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

    ByteRange range() const { return m_before.range; }

private:
    EditSession *m_session;
    EditOverlay::Slice m_before;
    EditOverlay::Slice m_after;
    Kind m_kind;
    std::uint64_t m_generation;
};

} // namespace hexmap
