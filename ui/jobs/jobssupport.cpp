#include "ui/jobs/jobssupport.h"

#include "ui/common/preferences.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"
#include "ui/device/devicegate.h"
#include "ui/jobs/jobdialog.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobstatuswidget.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewmap.h"
#include "ui/pane/pagecachelayer.h"
#include "ui/view/hexview.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

namespace hexmap {

JobsSupport::JobsSupport(QWidget *window)
    : WindowFeature(window), m_window(window), m_dock(new JobsDock(nullptr, window)),
      m_status(new JobStatusWidget(nullptr, window))
{
    fill = new QAction(tr("&Fill…"), this);
    zero = new QAction(tr("&Zero…"), this);
    pattern = new QAction(tr("&Pattern…"), this);
    flush = new QAction(tr("F&lush (start writeback)"), this);
    sync = new QAction(tr("S&ync (make durable)"), this);
    showMap = new QAction(tr("Overview &Map"), this);
    fill->setObjectName(QStringLiteral("jobFill"));
    zero->setObjectName(QStringLiteral("jobZero"));
    pattern->setObjectName(QStringLiteral("jobPattern"));
    flush->setObjectName(QStringLiteral("jobFlush"));
    sync->setObjectName(QStringLiteral("jobSync"));
    showMap->setObjectName(QStringLiteral("showOverviewMap"));
    showMap->setCheckable(true);
    showMap->setChecked(true);
    showPageCache = new QAction(tr("Page &Cache Layer"), this);
    showPageCache->setObjectName(QStringLiteral("viewPageCache"));
    showPageCache->setCheckable(true);
    showPageCache->setChecked(true);
    showPageCache->setStatusTip(tr("Show on the overview map which parts of the file the kernel holds in its page "
                                   "cache: cached, dirty, under writeback"));
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
    connect(showMap, &QAction::toggled, this, [this](bool on) {
        for (DocumentPane *pane : m_panes)
            pane->map()->setVisible(on);
    });
    connect(showPageCache, &QAction::toggled, this, [this](bool on) {
        for (DocumentPane *pane : m_panes)
            pane->pageCache()->setShown(on);
    });
    connect(m_status, &JobStatusWidget::syncFailed, this, &JobsSupport::statusMessage);
    updateActions();
}

JobsSupport::~JobsSupport() = default;

QList<FeatureAction> JobsSupport::featureActions() const
{
    using P = ActionPlace;
    return {{fill, {P::Menu::Edit, P::EditJobs, 0}},     {zero, {P::Menu::Edit, P::EditJobs, 1}},
            {pattern, {P::Menu::Edit, P::EditJobs, 2}},  {flush, {P::Menu::File, P::FileDurability, 0}},
            {sync, {P::Menu::File, P::FileDurability, 1}}, {showMap, {P::Menu::View, P::ViewPanels, 10}},
            {showPageCache, {P::Menu::View, P::ViewPanels, 11}}};
}

QList<FeatureDock> JobsSupport::featureDocks() const
{
    return {{m_dock, Qt::BottomDockWidgetArea, true, 0}};
}

QList<QWidget *> JobsSupport::statusWidgets() const
{
    return {m_status};
}

void JobsSupport::documentAdded(Document *, DocumentPane *pane)
{
    m_panes << pane;
    pane->map()->setVisible(showMap->isChecked());
    pane->pageCache()->setShown(showPageCache->isChecked());
}

void JobsSupport::documentRemoved(Document *document)
{
    m_panes.erase(std::remove_if(m_panes.begin(), m_panes.end(),
                                 [document](DocumentPane *p) { return p->document() == document; }),
                  m_panes.end());
    if (document == m_document)
        setCurrent(nullptr, nullptr);
}

void JobsSupport::setCurrent(Document *document, DocumentPane *pane)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_pane && m_panes.contains(m_pane))
        disconnect(m_pane->pageCache(), nullptr, m_status, nullptr);
    m_document = document;
    m_pane = pane;
    m_status->setKernelUnsynced(false, 0); // Hexmap's own count until this tab's layer reports the kernel's
    if (pane) {
        connect(pane->pageCache(), &PageCacheLayer::kernelUnsyncedChanged, m_status, &JobStatusWidget::setKernelUnsynced);
        pane->pageCache()->republish();
    }
    m_dock->setCenter(document ? document->jobs() : nullptr);
    m_status->setCenter(document ? document->jobs() : nullptr);
    if (document) {
        connect(document, &Document::fileReplaced, this, &JobsSupport::updateActions);
        connect(document, &Document::closed, this, &JobsSupport::updateActions);
    }
    updateActions();
}

JobCenter *JobsSupport::center() const
{
    return m_document ? m_document->jobs() : nullptr;
}

OverviewMap *JobsSupport::map() const
{
    return m_pane ? m_pane->map() : nullptr;
}

bool JobsSupport::confirmClose()
{
    JobCenter *c = center();
    if (!c)
        return true;
    c->cancelAll();
    for (JobWatcher *job : c->jobs())
        if (job->job())
            job->job()->wait();
    return true;
}

Status JobsSupport::ensureWritable(WriteConsent consent)
{
    if (!m_document || !m_document->isOpen())
        return Error{make_error_code(Errc::InvalidArgument), "no file is open"};
    return m_document->setWritable(true, consent); // editing on; names the process holding the write lock
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
    if (!m_document || !m_document->isOpen())
        return {};
    const MappedFile &shown = m_document->file();
    const auto identity = shown.checkIdentity();
    const FileChange change = identity ? *identity : FileChange::Deleted; // fstat failed: nothing to write to
    const bool ours = m_document->hasRunningJobs() && (change == FileChange::Modified || change == FileChange::Grown);
    if (change == FileChange::None || ours)
        return {};
    const QString name = QFileInfo(QFile::decodeName(QByteArray::fromStdString(shown.path()))).fileName();
    emit statusMessage(tr("%1 not started: %2; nothing was written. Reload the file first.")
                           .arg(what, changeText(change, name)));
    emit fileChangeRefused(m_document);
    const bool gone = change == FileChange::Deleted || change == FileChange::Replaced;
    return Error{make_error_code(gone ? Errc::FileReplaced : Errc::FileChanged),
                 shown.path() + " " + describeFileChange(change) + " since it was opened"};
}

Result<JobWatcher *> JobsSupport::startJob(const JobSpec &spec, const std::function<void(Job &)> &prepare,
                                           WriteConsent consent)
{
    if (Status s = checkFileUnchanged(jobName(spec.operation)); !s)
        return s.error();
    if (Status s = ensureWritable(consent); !s)
        return s.error();
    if (Status s = checkFileUnchanged(jobName(spec.operation)); !s)
        return s.error(); // reopening read-write found another file under the path
    return m_document->jobs()->start(spec, prepare);
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

void JobsSupport::askJob(JobOperation op)
{
    if (!m_document || !m_document->isOpen() || !m_pane || !checkFileUnchanged(jobName(op)).ok())
        return; // no dialog for a file that must not be written: the message and the banner say why
    if (m_document->session()->needsShiftSave()) { // jobs write the file at its own offsets
        emit statusMessage(tr("%1 is not available while inserted or deleted bytes are unsaved: save or revert them "
                              "first")
                               .arg(jobName(op)));
        return;
    }
    const QPointer<Document> document = m_document;
    JobDialog dialog(op, document->size(), m_pane->view()->selection(), m_window);
    dialog.setFileName(document->fileName()); // for the confirmation
    dialog.setUnsavedEdits(document->session()->editedRanges());
    dialog.setBusyRanges(document->jobs()->runningRanges()); // threads and chunk size: the dialog reads Preferences
    if (document->isDevice())
        dialog.setDevice(devicegate::describe(document->file())); // OK asks the device warning (mount state now)
    const bool accepted = m_runner ? m_runner(dialog) : dialog.exec() == QDialog::Accepted;
    if (!accepted)
        return;
    const auto spec = dialog.spec();
    if (!spec || !document || document != m_document)
        return; // the tab was closed or switched while the dialog was open
    // Accepted on a device = the device warning was accepted (or the test runner stands for the user).
    const auto job = startJob(*spec, {}, document->isDevice() ? WriteConsent::DeviceConfirmed : WriteConsent::Ordinary);
    if (!job && job.code() != Errc::FileReplaced && job.code() != Errc::FileChanged)
        emit statusMessage(tr("The job could not start: %1").arg(QString::fromStdString(job.message())));
}

void JobsSupport::flushFile()
{
    if (!m_document || !m_document->isOpen() || !checkFileUnchanged(jobName(JobOperation::Flush)).ok())
        return;
    if (m_document->isDevice() && !m_document->isWritable()) { // nothing of ours to write back
        emit statusMessage(tr("Flush: %1 is open read-only; nothing to write back").arg(m_document->displayPath()));
        return;
    }
    if (Status s = ensureWritable(); !s) {
        emit statusMessage(tr("Flush: %1").arg(QString::fromStdString(s.message())));
        return;
    }
    if (auto job = m_document->jobs()->startFlush({0, m_document->size()}, 1); !job)
        emit statusMessage(tr("Flush: %1").arg(QString::fromStdString(job.message())));
}

void JobsSupport::syncFile()
{
    if (!m_document || !m_document->isOpen() || !checkFileUnchanged(jobName(JobOperation::Sync)).ok())
        return;
    if (m_document->isDevice() && !m_document->isWritable()) { // nothing of ours to write back
        emit statusMessage(tr("Sync: %1 is open read-only; nothing to write back").arg(m_document->displayPath()));
        return;
    }
    if (Status s = ensureWritable(); !s) {
        emit statusMessage(tr("Sync: %1").arg(QString::fromStdString(s.message())));
        return;
    }
    if (auto job = m_document->jobs()->startSync({0, m_document->size()}, 1); !job)
        emit statusMessage(job.code() == make_error_code(Errc::RangeBusy)
                               ? tr("Sync: wait for the running job to finish (or sync its bytes from the status bar)")
                               : tr("Sync: %1").arg(QString::fromStdString(job.message())));
}

void JobsSupport::updateActions()
{
    // A job never grows a file: an empty one has no byte to work on.
    const bool open = m_document && m_document->isOpen() && m_document->size() > 0;
    for (QAction *a : {fill, zero, pattern, flush, sync})
        a->setEnabled(open);
}

} // namespace hexmap
