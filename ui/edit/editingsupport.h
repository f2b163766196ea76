#pragma once

#include "ui/pane/windowfeature.h"

#include <QHash>
#include <QMessageBox>
#include <QPointer>

#include <functional>

class QAction;
class QUndoGroup;

namespace hexmap {

class EditController;
class EditSession;
class HexView;
class InspectorDock;
class ShiftSaver;

// EditingSupport: the editing feature: the EditController of every pane, the Data Inspector dock and the actions
// (Enable Editing Ctrl+E toggle, which on a block device first shows the device warning, DeviceEditWarning; Save
// Ctrl+S, Revert, Undo/Redo with standard shortcuts over the current tab's undo stack, Paste, Fill Selection).
// Everything acts on the current document (setCurrent); the window asks confirmClose(document) before closing one
// and shows isModified() in its title.
// Owned by the window (QObject parent). Thread: GUI thread only.
class EditingSupport : public WindowFeature
{
    Q_OBJECT
public:
    explicit EditingSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    QList<FeatureDock> featureDocks() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentAdded(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    bool isModified() const; // the current document's
    // With unsaved edits in `document`, asks Save / Discard / Cancel. True when the caller may go on (saved,
    // discarded or nothing to save); false on Cancel or when the save failed (the edits stay).
    bool confirmClose(Document *document);
    bool confirmClose() { return confirmClose(m_document); }
    // File > Save of `document`: overwrite-only edits in place at once (EditSession::save); inserted or deleted
    // bytes through the shift save (ShiftSaver, a job with progress). With `wait`, returns when the save ended.
    // True when the file holds the document (or, without wait, when a shift save started).
    bool saveDocument(Document *document, bool wait);
    ShiftSaver *shiftSaver() const { return m_shiftSaver; }
    // Revert Unsaved Edits: asks (naming the bytes, ranges and file; Cancel is the default), then discards the edits
    // as one undo step. The box has the object name "revertQuestion".
    void revertAsked();
    // Test hook replacing the question box of confirmClose().
    using Prompt = std::function<QMessageBox::StandardButton()>;
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    Document *document() const { return m_document; }
    EditSession *session() const; // the current document's, or null
    EditController *controller() const; // the current pane's, or null
    InspectorDock *inspector() const { return m_inspector; }

    QAction *enableEditing;
    QAction *save;
    QAction *revert;
    QAction *undo;
    QAction *redo;
    QAction *paste;
    QAction *fillSelection;

signals:
    void modifiedChanged(bool modified); // the current document's

private:
    // Enable Editing / turn it off; for a block device the device warning comes first (DeviceEditWarning).
    bool setEditing(bool on);
    void updateActions();
    void fillSelectionAsked();

    QWidget *m_window;
    QUndoGroup *m_undoGroup;
    InspectorDock *m_inspector;
    ShiftSaver *m_shiftSaver;
    QPointer<Document> m_document;
    HexView *m_view = nullptr;
    QHash<Document *, EditController *> m_controllers;
    QList<QMetaObject::Connection> m_current; // connections to the current document and view
    Prompt m_prompt;
};

} // namespace hexmap
