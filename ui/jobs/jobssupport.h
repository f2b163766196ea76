#pragma once

#include "core/fileidentity.h"
#include "core/jobspec.h"
#include "core/result.h"
#include "ui/document/writeconsent.h"
#include "ui/pane/windowfeature.h"

#include <QHash>
#include <QPointer>

#include <functional>

class QAction;

namespace hexmap {

class HexView;
class Job;
class JobCenter;
class JobDialog;
class JobStatusWidget;
class JobWatcher;
class JobsDock;
class OverviewMap;

// JobsSupport: the jobs feature: the Jobs dock and the unsynced-bytes status item (both follow the current tab's
// document), the Overview Map toggle (every pane's map), and the actions Edit > Fill… / Zero… / Pattern… (one
// JobDialog) and File > Flush / Sync (chunked jobs). Jobs run in the current document's JobCenter and write
// through the document's read-write mode: the first job enables editing (Document::setWritable, which names the
// process holding the write lock when another one writes the file). No job starts on a file that was replaced,
// deleted or changed by another program since it was opened (checkFileUnchanged, before the dialog and before the
// start); the user is told what changed. Jobs of background tabs keep running.
// Owned by the window (QObject parent). Thread: GUI thread only.
class JobsSupport : public WindowFeature {
    Q_OBJECT
public:
    explicit JobsSupport(QWidget *window);
    ~JobsSupport() override;

    QList<FeatureAction> featureActions() const override;
    QList<FeatureDock> featureDocks() const override;
    QList<QWidget *> statusWidgets() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;
    void documentAdded(Document *document, DocumentPane *pane) override;
    void documentRemoved(Document *document) override;

    // Cancels the current document's running jobs and waits (a job stops within one chunk). Always true.
    bool confirmClose();

    // Opens the dialog for `op` (Fill, Zero or Pattern) and starts the job when accepted.
    void askJob(JobOperation op);
    // Starts a job on the current document without a dialog (tests, scripting); makes the file writable first. A
    // block device that is still read-only is made writable only with WriteConsent::DeviceConfirmed (the job
    // dialog's device warning was accepted); otherwise Errc::DeviceNotConfirmed.
    Result<JobWatcher *> startJob(const JobSpec &spec, const std::function<void(Job &)> &prepare = {},
                                  WriteConsent consent = WriteConsent::Ordinary);
    void flushFile();
    void syncFile();

    // Test hook replacing QDialog::exec(): return true to accept the prepared dialog (the confirmation that the
    // dialog's OK asks is skipped then: the runner stands for the user).
    using DialogRunner = std::function<bool(JobDialog &)>;
    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }

    JobCenter *center() const; // the current document's, or null
    JobsDock *dock() const { return m_dock; }
    OverviewMap *map() const; // the current pane's, or null
    JobStatusWidget *statusWidget() const { return m_status; }

    QAction *fill;
    QAction *zero;
    QAction *pattern;
    QAction *flush;
    QAction *sync;
    QAction *showMap;
    QAction *showPageCache; // the map's Page Cache layer, in every tab

    // "NAME was replaced by another file since it was opened"... (for refusals). Thread: GUI.
    static QString changeText(FileChange change, const QString &name);

signals:
    // A job was refused because the file on disk is not the one opened (replaced, deleted, changed by another
    // program): the file-change feature shows its banner with Reload at once.
    void fileChangeRefused(hexmap::Document *document);

private:
    // Before a job: the document's file must still be the one opened (MappedFile::checkIdentity; the running
    // jobs' own mtime changes excepted). Otherwise says what changed (statusMessage, fileChangeRefused) and fails
    // with Errc::FileReplaced / FileChanged.
    Status checkFileUnchanged(const QString &what);
    static QString jobName(JobOperation op);
    Status ensureWritable(WriteConsent consent = WriteConsent::Ordinary);
    void updateActions();

    QWidget *m_window;
    JobsDock *m_dock;
    JobStatusWidget *m_status;
    QPointer<Document> m_document;
    DocumentPane *m_pane = nullptr;
    QList<DocumentPane *> m_panes;
    DialogRunner m_runner;
};

} // namespace hexmap
