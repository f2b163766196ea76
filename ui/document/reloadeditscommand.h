#pragma once

#include "core/editoverlay.h"

#include <QUndoCommand>

namespace hexmap {

class EditSession;

// ReloadEditsCommand: the unsaved edits carried over a reload of the file (EditSession::reapplyEdits) as ONE undo
// step. Like OverwriteCommand it holds the overlay's state over a range before and after (not the file's bytes):
// undo takes every carried edit off at once (the bytes show the reloaded file, nothing unsaved is left), redo
// puts them back. The edits' own earlier steps are not carried: their snapshots described the old file.
// Owned by the session's QUndoStack. Thread: GUI thread only.
class ReloadEditsCommand : public QUndoCommand
{
public:
    ReloadEditsCommand(EditSession *session, EditOverlay::Slice before, EditOverlay::Slice after);

    void redo() override;
    void undo() override;

private:
    EditSession *m_session;
    EditOverlay::Slice m_before;
    EditOverlay::Slice m_after;
};

} // namespace hexmap
