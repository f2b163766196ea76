#include "ui/jobs/jobssupport.h"

#include "core/writelock.h"

#include "ui/document/editsession.h"
#include "ui/view/hexview.h"
#include "ui/document/jobcenter.h"
#include "ui/view/jobcolors.h"
#include "ui/jobs/jobdialog.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobstatuswidget.h"
#include "ui/document/jobwatcher.h"
#include "ui/pane/overviewmap.h"
#include "ui/pane/pagecachelayer.h"
#include "ui/common/preferences.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QSpinBox>
#include <QStatusBar>

#include <algorithm>

namespace hexmap {

JobsSupport::JobsSupport(QMainWindow *window, HexView *view, EditSession *session)
    : QObject(window), m_window(window), m_view(view), m_session(session), m_center(new JobCenter(this))
{
    m_dock = new JobsDock(m_center, window);
    m_map = new OverviewMap(window);
    m_map->setJobCenter(m_center);
    m_status = new JobStatusWidget(m_center, window);
    fill = new QAction(tr("&Fill…"), this);
    zero = new QAction(tr("&Zero…"), this);
    pattern = new QAction(tr("&Pattern…"), this);
    flush = new QAction(tr("F&lush (start writeback)"), this);
    sync = new QAction(tr("S&ync (make durable)"), this);
    fill->setObjectName(QStringLiteral("jobFill"));
    zero->setObjectName(QStringLiteral("jobZero"));
    pattern->setObjectName(QStringLiteral("jobPattern"));
    flush->setObjectName(QStringLiteral("jobFlush"));
    sync->setObjectName(QStringLiteral("jobSync"));
    // Ctrl+Shift+letter (for Flush and Sync the menu mnemonic's letter); Zero: Ctrl+Shift+Del, as Ctrl+Shift+Z is
    // Redo on KDE and GNOME. Fill/Zero/Pattern open their dialog first and Flush/Sync change no bytes, so no stray
    // key press overwrites anything.
    fill->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    zero->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    pattern->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    flush->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    sync->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    fill->setStatusTip(tr("Fill a range with one byte, in the background, on several threads"));
    connect(fill, &QAction::triggered, this, [this] { askJob(JobOperation::Fill); });
    connect(zero, &QAction::triggered, this, [this] { askJob(JobOperation::Zero); });
    connect(pattern, &QAction::triggered, this, [this] { askJob(JobOperation::Pattern); });
    connect(flush, &QAction::triggered, this, &JobsSupport::flushFile);
    connect(sync, &QAction::triggered, this, &JobsSupport::syncFile);

    connect(m_center, &JobCenter::changed, this, &JobsSupport::updateTint);
    connect(m_center, &JobCenter::jobFinished, this, [this] {
        // The center refreshed its own mapping's identity; the view's may be another mapping of the same file.
        if (m_view->hasFile() && !m_view->file().sharesMappingWith(m_center->file())) {
            MappedFile shown = m_view->file();
            JobCenter::acceptOwnWrites(shown);
        }
    });
    connect(m_view, &HexView::visibleRangeChanged, m_map, &OverviewMap::setViewport);
    connect(m_map, &OverviewMap::navigateRequested, this, [this](std::uint64_t offset) {
        const std::uint64_t half = m_view->visibleRange().size / 2;
        m_view->scrollToOffset(offset > half ? offset - half : 0);
    });
    connect(m_status, &JobStatusWidget::syncFailed, this, &JobsSupport::statusMessage);
    if (m_session) {
        connect(m_session, &EditSession::fileReplaced, this, [this](const MappedFile &file) {
            if (file.isWritable() && !m_center->hasRunningJobs())
                m_center->setFileKeepingState(file);
        });
        connect(m_session, &EditSession::overlayChanged, this, [this] { m_map->setEditRanges(unsavedEdits()); });
        connect(m_session, &EditSession::saved, this, [this] {
            MappedFile file = m_session->file(); // the Save's writes changed the mtime: ours, not another's
            JobCenter::acceptOwnWrites(file);
        });
    }
    updateActions();
}

JobsSupport::~JobsSupport() = default;

void JobsSupport::install(QMenu *fileMenu, QMenu *editMenu, QMenu *viewMenu)
{
    QWidget *central = m_window->takeCentralWidget();
    auto *box = new QWidget(m_window);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    if (central)
        layout->addWidget(central, 1);
    layout->addWidget(m_map);
    m_window->setCentralWidget(box);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // The list is empty until a job runs: give the hex view most of the height.
    m_window->resizeDocks({m_dock}, {std::max(120, m_window->height() / 5)}, Qt::Vertical);
    m_window->statusBar()->addPermanentWidget(m_status);
    if (editMenu) {
        editMenu->addSeparator();
        editMenu->addActions({fill, zero, pattern});
    }
    if (fileMenu) {
        fileMenu->addSeparator();
        fileMenu->addActions({flush, sync});
    }
    if (viewMenu) {
        viewMenu->addSeparator();
        viewMenu->addAction(m_dock->toggleViewAction());
        QAction *showMap = viewMenu->addAction(tr("Overview &Map"));
        showMap->setCheckable(true);
        showMap->setChecked(true);
        connect(showMap, &QAction::toggled, m_map, &QWidget::setVisible);
    }
    auto *cache = PageCacheLayer::attach(
        m_map, [this] { return m_file.isValid() ? m_file.path() : std::string(); }, viewMenu);
    connect(cache, &PageCacheLayer::kernelUnsyncedChanged, m_status, &JobStatusWidget::setKernelUnsynced);
}

void JobsSupport::setFile(const MappedFile &file)
{
    m_file = file;
    m_center->setFile(file.isWritable() ? file : MappedFile());
    m_map->setFileSize(file.isValid() ? file.size() : 0);
    m_map->setEditRanges({});
    updateActions();
}

bool JobsSupport::confirmClose()
{
    m_center->cancelAll();
    for (JobWatcher *job : m_center->jobs())
        if (job->job())
            job->job()->wait();
    return true;
}

Status JobsSupport::ensureWritable()
{
    if (m_center->file().isValid() && m_center->file().isWritable())
        return {};
    if (!m_file.isValid())
        return Error{make_error_code(Errc::InvalidArgument), "no file is open"};
    // One writer at a time: name the process that holds the write lock (the read-write open below would be
    // refused all the same, but through EditSession only as a status message).
    if (auto holder = WriteLock::holderOfPath(m_file.path()); holder && *holder)
        return Error{make_error_code(Errc::WriteLocked), m_file.path() + " (being written by " + (*holder)->describe() + ")"};
    if (m_session) {
        if (!m_session->setEditingEnabled(true))
            return Error{make_error_code(Errc::NotWritable), m_file.path()};
        m_center->setFileKeepingState(m_session->file());
        return {};
    }
    auto rw = MappedFile::openReadWrite(m_file.path());
    if (!rw)
        return rw.error();
    m_center->setFileKeepingState(*rw);
    return {};
}

QString JobsSupport::changeText(FileChange change, const QString &name)
{
    switch (change) {
    case FileChange::None: break;
    case FileChange::Deleted: return tr("%1 was deleted since it was opened").arg(name);
    case FileChange::Replaced: return tr("%1 was replaced by another file since it was opened").arg(name);
    case FileChange::Shrunk: return tr("%1 was truncated by another program since it was opened").arg(name);
    case FileChange::Grown: return tr("%1 was extended by another program since it was opened").arg(name);
    case FileChange::Modified: return tr("%1 was modified by another program since it was opened").arg(name);
    }
    return tr("%1 changed on disk since it was opened").arg(name);
}

Status JobsSupport::checkFileUnchanged(const QString &what)
{
    // The file the user sees: before the job reopens it read-write (which would open whatever the path names now).
    const MappedFile shown = m_view->hasFile() ? m_view->file() : m_file;
    if (!shown.isValid())
        return {};
    const auto identity = shown.checkIdentity();
    FileChange change = identity ? *identity : FileChange::Deleted; // fstat failed: nothing to write to
    const bool ours = m_center->hasRunningJobs() && (change == FileChange::Modified || change == FileChange::Grown);
    if (change == FileChange::None || ours) {
        if (!m_center->file().isValid() || m_center->file().identity().sameInode(shown.identity()))
            return {};
        change = FileChange::Replaced; // the jobs' mapping is of another file than the one shown
    }
    const QString name = QFileInfo(QFile::decodeName(QByteArray::fromStdString(shown.path()))).fileName();
    emit statusMessage(tr("%1 not started: %2; nothing was written. Reload the file first.")
                           .arg(what, changeText(change, name)));
    emit fileChangeRefused();
    const bool gone = change == FileChange::Deleted || change == FileChange::Replaced;
    return Error{make_error_code(gone ? Errc::FileReplaced : Errc::FileChanged),
                 shown.path() + " " + describeFileChange(change) + " since it was opened"};
}

Result<JobWatcher *> JobsSupport::startJob(const JobSpec &spec, const std::function<void(Job &)> &prepare)
{
    if (Status s = checkFileUnchanged(jobName(spec.operation)); !s)
        return s.error();
    if (Status s = ensureWritable(); !s)
        return s.error();
    if (Status s = checkFileUnchanged(jobName(spec.operation)); !s)
        return s.error(); // reopening read-write found another file under the path
    return m_center->start(spec, prepare);
}

QString JobsSupport::jobName(JobOperation op)
{
    switch (op) {
    case JobOperation::Fill: return tr("Fill");
    case JobOperation::Zero: return tr("Zero");
    case JobOperation::Pattern: return tr("Pattern");
    case JobOperation::Sync: return tr("Sync");
    case JobOperation::Flush: return tr("Flush");
    }
    return tr("The job");
}

std::vector<ByteRange> JobsSupport::unsavedEdits() const
{
    return m_session ? m_session->overlay().ranges() : std::vector<ByteRange>{};
}

void JobsSupport::askJob(JobOperation op)
{
    if (!m_file.isValid() || !checkFileUnchanged(jobName(op)).ok())
        return; // no dialog for a file that must not be written: the message and the banner say why
    JobDialog dialog(op, m_file.size(), m_view->selection(), m_window);
    dialog.setFileName(QFileInfo(QString::fromStdString(m_file.path())).fileName()); // for the confirmation
    dialog.setUnsavedEdits(unsavedEdits());
    dialog.setBusyRanges(m_center->runningRanges());
    const Preferences preferences; // the defaults chosen in Edit > Preferences (0 = the dialog's own)
    if (preferences.jobThreads() > 0)
        dialog.threadsBox()->setValue(preferences.jobThreads());
    if (preferences.jobChunkSize() > 0)
        dialog.chunkEdit()->setText(QString::number(preferences.jobChunkSize()));
    const bool accepted = m_runner ? m_runner(dialog) : dialog.exec() == QDialog::Accepted;
    if (!accepted)
        return;
    const auto spec = dialog.spec();
    if (!spec)
        return;
    const auto job = startJob(*spec);
    if (!job && job.code() != Errc::FileReplaced && job.code() != Errc::FileChanged)
        emit statusMessage(tr("The job could not start: %1").arg(QString::fromStdString(job.message())));
}

void JobsSupport::flushFile()
{
    if (!m_file.isValid() || !checkFileUnchanged(jobName(JobOperation::Flush)).ok())
        return;
    if (Status s = ensureWritable(); !s) {
        emit statusMessage(tr("Flush: %1").arg(QString::fromStdString(s.message())));
        return;
    }
    if (auto job = m_center->startFlush({0, m_file.size()}, 1); !job)
        emit statusMessage(tr("Flush: %1").arg(QString::fromStdString(job.message())));
}

void JobsSupport::syncFile()
{
    if (!m_file.isValid() || !checkFileUnchanged(jobName(JobOperation::Sync)).ok())
        return;
    if (Status s = ensureWritable(); !s) {
        emit statusMessage(tr("Sync: %1").arg(QString::fromStdString(s.message())));
        return;
    }
    if (auto job = m_center->startSync({0, m_file.size()}, 1); !job)
        emit statusMessage(job.code() == make_error_code(Errc::RangeBusy)
                               ? tr("Sync: wait for the running job to finish (or sync its bytes from the status bar)")
                               : tr("Sync: %1").arg(QString::fromStdString(job.message())));
}

void JobsSupport::updateTint()
{
    const QColor base = m_view->palette().color(QPalette::Base);
    m_view->setHighlights(HighlightLayer::Jobs, m_center->highlights(base, JobColors::isDark(m_view->palette())));
}

void JobsSupport::updateActions()
{
    for (QAction *a : {fill, zero, pattern, flush, sync})
        a->setEnabled(m_file.isValid());
}

} // namespace hexmap
