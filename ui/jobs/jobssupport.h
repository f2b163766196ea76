#pragma once

#include "core/fileidentity.h"
#include "core/jobspec.h"
#include "core/mappedfile.h"
#include "core/result.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMainWindow;
class QMenu;

namespace hexmap {

class EditSession;
class HexView;
class Job;
class JobCenter;
class JobDialog;
class JobStatusWidget;
class JobWatcher;
class JobsDock;
class OverviewMap;

// JobsSupport: everything jobs add to a main window, so the window only wires it: the JobCenter, the overview
// map beside the hex view, the Jobs dock, the unsynced-bytes status item, the view's tint of running workers,
// and the actions Edit > Fill… / Zero… / Pattern… (one JobDialog) and File > Flush / Sync (chunked jobs).
// Jobs write through a read-write mapping: the EditSession's when one is given (editing is enabled on the first
// job, with its usual errors), else a separate read-write mapping of the same file (shared page cache). A
// read-write mapping holds the file's write lock (WriteLock): a file another process writes is refused with the
// holder's name. No job starts on a file that was replaced, deleted or changed by another program since it was
// opened (checkFileUnchanged, before the dialog and before the start); the user is told what changed.
// Owned by the window (QObject parent). Thread: GUI thread only.
class JobsSupport : public QObject {
    Q_OBJECT
public:
    JobsSupport(QMainWindow *window, HexView *view, EditSession *session = nullptr);
    ~JobsSupport() override;

    // Wraps the window's central widget (the view) with the map at its right, docks the Jobs panel at the bottom,
    // adds the status item and the actions to the menus (any may be null).
    void install(QMenu *fileMenu, QMenu *editMenu, QMenu *viewMenu);
    // After HexView::setFile: jobs of the previous file are cancelled and forgotten.
    void setFile(const MappedFile &file);
    // With running jobs, cancels them and waits (a job stops within one chunk). Always true.
    bool confirmClose();

    // Opens the dialog for `op` (Fill, Zero or Pattern) and starts the job when accepted.
    void askJob(JobOperation op);
    // Starts a job without a dialog (tests, scripting); makes the file writable first.
    Result<JobWatcher *> startJob(const JobSpec &spec, const std::function<void(Job &)> &prepare = {});
    void flushFile();
    void syncFile();

    // Test hook replacing QDialog::exec(): return true to accept the prepared dialog (the confirmation that the
    // dialog's OK asks is skipped then: the runner stands for the user).
    using DialogRunner = std::function<bool(JobDialog &)>;
    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }

    JobCenter *center() const { return m_center; }
    JobsDock *dock() const { return m_dock; }
    OverviewMap *map() const { return m_map; }
    JobStatusWidget *statusWidget() const { return m_status; }

    QAction *fill;
    QAction *zero;
    QAction *pattern;
    QAction *flush;
    QAction *sync;

    // "NAME was replaced by another file since it was opened"... (for refusals). Thread: GUI.
    static QString changeText(FileChange change, const QString &name);

signals:
    void statusMessage(const QString &message);
    // A job was refused because the file on disk is not the one opened (replaced, deleted, changed by another
    // program): FileChangeSupport shows its banner with Reload at once.
    void fileChangeRefused();

private:
    // Before a job: the shown file must still be the one opened (MappedFile::checkIdentity; the running jobs'
    // own mtime changes excepted), and the jobs' mapping must be of the same inode. Otherwise says what changed
    // (statusMessage, fileChangeRefused) and fails with Errc::FileReplaced / FileChanged.
    Status checkFileUnchanged(const QString &what);
    static QString jobName(JobOperation op);
    Status ensureWritable();
    void updateTint();
    void updateActions();
    std::vector<ByteRange> unsavedEdits() const;

    QMainWindow *m_window;
    HexView *m_view;
    EditSession *m_session;
    JobCenter *m_center;
    JobsDock *m_dock;
    OverviewMap *m_map;
    JobStatusWidget *m_status;
    MappedFile m_file; // the file shown (may be read-only)
    DialogRunner m_runner;
};

} // namespace hexmap
