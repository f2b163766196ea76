#pragma once

#include "core/piecesnapshot.h"
#include "core/result.h"
#include "core/savelayout.h"
#include "core/shiftsave.h"
#include "ui/common/byteprogress.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>

class QWidget;

namespace hexmap {

class Document;
class ShiftRunner;

// ShiftSaver: File > Save of a document whose unsaved edits inserted or deleted bytes (EditSession::needsShiftSave):
// the in-place shift save (core ShiftSave: journal, grow first, ordered moves, crash-safe) run as a job.
// Flow: refusals (editing off, a job or another save running, the file changed on disk: a box "shiftRefused" that
// says what to do) -> when the save moves more than kAskAbove, the question "shiftConfirmation": "Save moves 812 GiB
// from offset 0x1000 in place; about 4 minutes." with Save / Save As… / Cancel (Cancel is the default; Save As…
// triggers the window's File > Save As…) -> a ShiftRunner on the document, a window-modal progress "shiftProgress"
// with Cancel -> one message. Saved: the edits become the file (EditSession::markSavedByShift), the document is
// reloaded (new size), bookmarks move with the bytes they marked (those on deleted bytes are dropped), and the
// status bar says "Saved … (moved …)" only then. Cancelled or failed before any byte moved: the edits stay unsaved,
// the box "shiftResult" says the file is unchanged. Stopped part-way: the journal holds the whole new document, so
// the edits count as saved, and the box says the file is completed on the next open, or now (Recover Now).
// Owned by EditingSupport (QObject parent). Thread: GUI thread only.
class ShiftSaver : public QObject {
    Q_OBJECT
public:
    static constexpr std::uint64_t kAskAbove = std::uint64_t(256) << 20; // bytes moved or written

    explicit ShiftSaver(QWidget *window, QObject *parent = nullptr);

    // Why a shift save of `document` cannot run now (translated, says what to do), "" when it can.
    static QString refusal(const Document *document);
    // Starts the save of `document`'s edits. Returns false when refused or declined (nothing written). With
    // `wait`, returns only when the save ended, and true only when the file is the new document.
    bool save(Document *document, bool wait = false);
    bool isRunning() const;

    // Test hook: options for the next saves (ShiftSave's hook blocks or slows a step).
    void setSaveOptions(ShiftSaveOptions options) { m_options = std::move(options); }
    QString lastMessage() const { return m_lastMessage; }

signals:
    void finished(bool saved, const QString &message); // once per started save

private:
    bool ask(const SaveLayout &layout);
    void done(const Status &status, ShiftOutcome outcome);
    void reloadDocument();
    void showBox(const QString &title, const QString &text, bool offerRecover);

    QWidget *m_window;
    ShiftSaveOptions m_options;
    QString m_lastMessage;
    QPointer<ShiftRunner> m_runner;
    QPointer<Document> m_document;
    PieceSnapshot m_saving; // the document being saved (bookmarks follow its bytes)
    ByteProgress m_progress;
    QString m_fileName;
    bool m_lastSaved = false;
};

} // namespace hexmap
