#pragma once

#include "core/mappedfile.h"

#include <QMessageBox>
#include <QObject>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace hexmap {

class EditController;
class EditSession;
class HexView;
class InspectorDock;

// EditingSupport: everything editing adds to a main window, in one object so that the window only wires it:
// the EditSession, the EditController on the HexView, the Data Inspector dock and the actions
// (Enable Editing Ctrl+E toggle, Save Ctrl+S, Revert, Undo/Redo with standard shortcuts, Paste, Fill Selection).
// The window calls setFile() when it shows a file, confirmClose() before closing or replacing it, and shows
// isModified() in its title (modifiedChanged).
// Owned by the window (QObject parent). Thread: GUI thread only.
class EditingSupport : public QObject
{
    Q_OBJECT
public:
    EditingSupport(QMainWindow *window, HexView *view);

    // Adds the actions to `editMenu` / `toolBar` (either may be null) and the dock to the window (right side).
    void install(QMenu *fileMenu, QMenu *editMenu, QToolBar *toolBar);

    void setFile(const MappedFile &file); // after HexView::setFile; editing starts off
    bool isModified() const;

    // With unsaved edits, asks Save / Discard / Cancel. True when the caller may go on (saved, discarded or
    // nothing to save); false on Cancel or when the save failed (the edits stay).
    bool confirmClose();
    // Revert Unsaved Edits: asks (naming the bytes, ranges and file; Cancel is the default), then discards the edits
    // as one undo step. The box has the object name "revertQuestion".
    void revertAsked();
    // Test hook replacing the question box of confirmClose().
    using Prompt = std::function<QMessageBox::StandardButton()>;
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    EditSession *session() const { return m_session; }
    EditController *controller() const { return m_controller; }
    InspectorDock *inspector() const { return m_inspector; }

    QAction *enableEditing;
    QAction *save;
    QAction *revert;
    QAction *undo;
    QAction *redo;
    QAction *paste;
    QAction *fillSelection;

signals:
    void modifiedChanged(bool modified);
    void statusMessage(const QString &message);

private:
    void updateActions();
    void fillSelectionAsked();

    QMainWindow *m_window;
    HexView *m_view;
    EditSession *m_session;
    EditController *m_controller;
    InspectorDock *m_inspector;
    Prompt m_prompt;
};

} // namespace hexmap
