#pragma once

#include "core/result.h"
#include "core/savelayout.h"
#include "core/shiftsave.h"
#include "ui/common/byteprogress.h"
#include "ui/edit/deleterangemodel.h"
#include "ui/edit/insertbytesmodel.h"
#include "ui/pane/windowfeature.h"

#include <QPointer>
#include <QString>

#include <cstdint>

class QAction;

namespace hexmap {

class HexView;
class ShiftRunner;

// ShiftSupport: Edit > Insert Bytes… and Edit > Delete Range… (issue 15, GUI part 1). The lead's decision: the
// piece table (undoable insert/delete while typing) is not in the GUI yet, so these two commands treat an insert or
// delete like the other big writes (fill/zero/pattern jobs): an explicit command with a confirmation that states the
// cost, written to the file at once (not undoable), crash-safe (ShiftSave's journal), with progress and cancel.
// Flow: refusals (editing off, unsaved overwrite edits, a job or another insert/delete running, the file changed on
// disk, an empty file to delete from: a box "shiftRefused" saying what to do) -> the dialog (InsertBytesDialog /
// DeleteRangeDialog; what was typed is remembered per window) -> the confirmation "shiftConfirmation" (Cancel is the
// default) -> a ShiftRunner on the document, a window-modal QProgressDialog "shiftProgress" with Cancel -> one
// message: "Inserted 4 bytes at 0x1000 (moved 812.00 GiB)" in the status bar only when ShiftSave said Saved, else a
// box "shiftResult" (cancelled: unchanged / part-way with a Recover Now button; failed: file and reason). After a
// save the document is reloaded (Document::reload: view, map, status bar and go-to bounds follow the new size), the
// cursor goes to the insert/delete point and the bookmarks after it move (those inside a deleted range are dropped).
// Closing the window while a save runs: the Document's destruction deletes its ShiftRunner, which cancels and waits
// for the current step (64 KiB); a save stopped part-way is completed by its journal the next time the file opens.
// The later piece-table Save reuses the runner, the progress, the confirmation and the reload.
// Owned by the window (QObject parent). Thread: GUI thread only.
class ShiftSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit ShiftSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;

    // Why an insert/delete cannot run on `document` now (translated, says what to do), "" when it can. `remove`:
    // a delete (refused on an empty file).
    static QString refusal(const Document *document, bool remove);
    // Test hook: options for the next saves (ShiftSave's hook blocks or slows a step).
    void setSaveOptions(ShiftSaveOptions options) { m_options = std::move(options); }
    QString lastMessage() const { return m_lastMessage; } // the last refusal or end message
    bool isRunning() const;

    QAction *insertBytes;
    QAction *deleteRange;

signals:
    void shiftFinished(const QString &message); // the one end message (also on the status bar or in a box)

private:
    void insertAsked();
    void deleteAsked();
    bool refuse(bool remove);
    bool confirm(const QString &text, const QString &button);
    void run(SaveLayout layout, std::uint64_t point, std::uint64_t removed, std::uint64_t inserted,
             const QString &doneText, const QString &failText);
    void finished(const Status &status, ShiftOutcome outcome);
    void showBox(const QString &title, const QString &text, bool offerRecover);
    void reloadDocument();
    void updateActions();

    QWidget *m_window;
    QPointer<Document> m_document;
    QPointer<HexView> m_view;
    QList<QMetaObject::Connection> m_current;
    InsertBytesModel m_insert;
    DeleteRangeModel m_delete;
    ShiftSaveOptions m_options;
    QString m_lastMessage;
    // The running save (one at a time per window: the progress dialog is window-modal).
    QPointer<ShiftRunner> m_runner;
    QPointer<Document> m_runDocument;
    ByteProgress m_progress;
    std::uint64_t m_point = 0, m_removed = 0, m_inserted = 0;
    QString m_doneText, m_failText, m_runFileName; // failText: "Could not insert into %1: %2."
};

} // namespace hexmap
