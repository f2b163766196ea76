#pragma once

#include "core/byterange.h"
#include "core/copyout.h"
#include "ui/common/byteprogress.h"
#include "ui/pane/windowfeature.h"

#include <QPointer>
#include <QString>

#include <functional>

class QAction;

namespace hexmap {

class CopyRunner;
class HexView;

// SaveAsSupport: File > Save As… (Ctrl+Shift+S) and Edit > Export Selection… (issue 15). Both stream the document's
// bytes as shown (the file as opened plus the unsaved overwrite edits) into a new file through CopyOut (kernel copy,
// holes kept, built beside the destination and renamed into place once fsynced) on a CopyRunner, behind a
// window-modal QProgressDialog "copyProgress" with Cancel (nothing else edits the document meanwhile).
// - Save As works also for a read-only file and for a file changed or replaced on disk (the copy reads the inode
//   that was opened). Once the new file is on disk it becomes the tab's document (Document::open: the edits are in
//   it, so the edit overlay and undo history start empty; editing is enabled again when it was on), and the status
//   bar says "Saved as NAME (SIZE)". Refused while the document's jobs or an insert/delete run.
// - Export Selection writes the selection (the byte at the cursor when nothing is selected) and leaves the document
//   as it was: "Exported SIZE from 0x… to NAME".
// - Any failure or cancel: a box "copyResult" naming the destination and the reason, and saying no file was written
//   (an existing destination is untouched).
// Owned by the window (QObject parent). Thread: GUI thread only.
class SaveAsSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit SaveAsSupport(QWidget *window);

    QList<FeatureAction> featureActions() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;

    // Test hook replacing the file dialog: gets the title and the suggested path, returns the chosen path ("" for
    // Cancel).
    using PathPrompt = std::function<QString(const QString &title, const QString &suggested)>;
    void setPathPrompt(PathPrompt prompt) { m_prompt = std::move(prompt); }
    QString lastMessage() const { return m_lastMessage; }
    bool isRunning() const;

    QAction *saveAs;
    QAction *exportSelection;

signals:
    void copyFinished(const QString &message); // the one end message (also on the status bar or in a box)

private:
    void saveAsAsked();
    void exportAsked();
    QString refusal() const;
    QString askPath(const QString &title, const QString &suggested);
    void run(ByteRange range, const QString &destination, bool becomesDocument);
    void finished(const Status &status);
    void adoptCopy();
    void report(const QString &text, bool failed);
    void updateActions();

    QWidget *m_window;
    QPointer<Document> m_document;
    QPointer<HexView> m_view;
    QList<QMetaObject::Connection> m_current;
    PathPrompt m_prompt;
    QString m_lastMessage;
    // The running copy.
    QPointer<Document> m_runDocument;
    QPointer<CopyRunner> m_runner;
    ByteProgress m_progress;
    QString m_destination;
    ByteRange m_range;
    bool m_becomesDocument = false;
    bool m_wasWritable = false;
};

} // namespace hexmap
