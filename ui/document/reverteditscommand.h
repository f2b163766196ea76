#pragma once

#include "core/editoverlay.h"

#include <QUndoCommand>

namespace hexmap {

class EditSession;

// RevertEditsCommand: Revert Unsaved Edits as ONE undo step (EditSession::discardEdits). Like ReloadEditsCommand it
// holds the overlay's state over a range (not the file's bytes): redo takes every unsaved edit off (the bytes show
// the file again, which was never touched), undo puts them all back exactly.
// Owned by the session's QUndoStack. Thread: GUI thread only.
class RevertEditsCommand : public QUndoCommand
{
public:
    // `before`: the overlay's state over the range holding every edit (EditOverlay::extract).
    RevertEditsCommand(EditSession *session, EditOverlay::Slice before);

    void redo() override;
    void undo() override;

private:
    EditSession *m_session;
    EditOverlay::Slice m_before;
    EditOverlay::Slice m_after; // the same range with no edits
};

} // namespace hexmap
