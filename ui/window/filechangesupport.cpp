#include "ui/window/filechangesupport.h"

#include "core/editoverlay.h"
#include "ui/edit/editingsupport.h"
#include "ui/document/editsession.h"
#include "ui/window/filechangebanner.h"
#include "ui/document/filewatcher.h"
#include "ui/view/hexview.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobssupport.h"
#include "ui/window/mainwindow.h"

#include <QFile>
#include <QFileInfo>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>
#include <vector>

namespace hexmap {
namespace {

QString reloadMessage(const QString &name, std::uint64_t size, bool hadEdits, const EditSession::ReapplyReport &kept)
{
    if (!hadEdits)
        return FileChangeSupport::tr("Reloaded %1 (%2 bytes)").arg(name).arg(size);
    if (kept.droppedBytes == 0)
        return FileChangeSupport::tr("Reloaded %1: kept all %2 edited bytes (unsaved)").arg(name).arg(kept.keptBytes);
    return FileChangeSupport::tr("Reloaded %1: kept %2 edited bytes, dropped %3 bytes past the new end (0x%4)")
        .arg(name)
        .arg(kept.keptBytes)
        .arg(kept.droppedBytes)
        .arg(QString::number(size, 16).toUpper());
}

} // namespace

FileChangeSupport::FileChangeSupport(MainWindow *window)
    : QObject(window), m_window(window),
      m_watcher(new FileWatcher(
          [window] { return window->hexView()->hasFile() ? window->hexView()->file() : MappedFile(); }, this)),
      m_banner(new FileChangeBanner), m_bar(new QToolBar(tr("File Changes"), window))
{
    m_bar->setObjectName(QStringLiteral("fileChangeBar"));
    m_bar->setMovable(false);
    m_bar->setFloatable(false);
    m_bar->toggleViewAction()->setVisible(false); // not a user-toggleable toolbar
    m_bar->addWidget(m_banner);
    window->addToolBarBreak(Qt::TopToolBarArea);
    window->addToolBar(Qt::TopToolBarArea, m_bar);
    m_bar->hide();

    connect(m_watcher, &FileWatcher::truncated, this, [this](const QString &path, std::uint64_t size) {
        showBanner(tr("%1 was truncated on disk to %2 bytes").arg(QFileInfo(path).fileName()).arg(size), path);
    });
    connect(m_watcher, &FileWatcher::changedOnDisk, this, [this](const QString &path) {
        const QString name = QFileInfo(path).fileName();
        // Unsaved edits over bytes the user has not seen: say so, so that nobody saves a mix blindly.
        showBanner(hasUnsavedEdits() ? tr("%1 was changed on disk by another program while you have unsaved edits: "
                                          "reload to see its new bytes under your edits before you save")
                                           .arg(name)
                                     : tr("%1 changed on disk").arg(name),
                   path);
    });
    connect(m_watcher, &FileWatcher::replacedOnDisk, this, [this](const QString &path, FileChange change) {
        showBanner(describeChange(change, QFileInfo(path).fileName()), path);
    });
    connect(m_watcher, &FileWatcher::readableSizeChanged, window->hexView(), &HexView::setReadableSize);
    // Hexmap's own writes are not another program's: jobs change the mtime while they run (and refresh the
    // identity when they end, see JobCenter); a Save refreshes it when done (JobsSupport).
    m_watcher->setOwnWrites([window] { return window->jobs() && window->jobs()->center()->hasRunningJobs(); });
    if (JobsSupport *jobs = window->jobs())
        connect(jobs, &JobsSupport::fileChangeRefused, m_watcher, &FileWatcher::check); // show the banner now

    connect(m_watcher, &FileWatcher::watchedFileChanged, this, &FileChangeSupport::hideBanner);
    connect(m_banner, &FileChangeBanner::reloadRequested, this, &FileChangeSupport::reload);
    connect(m_banner, &FileChangeBanner::dismissRequested, this, &FileChangeSupport::hideBanner);
    connect(m_banner, &FileChangeBanner::closeRequested, this, [this] {
        m_window->closeFile();
        if (!m_window->hasFile())
            hideBanner();
    });
}

FileChangeSupport::~FileChangeSupport() = default;

QString FileChangeSupport::describeChange(FileChange change, const QString &name)
{
    switch (change) {
    case FileChange::None: return tr("%1 is unchanged on disk").arg(name);
    case FileChange::Deleted: return tr("%1 was deleted on disk; the window still shows its last bytes").arg(name);
    case FileChange::Replaced: return tr("%1 was replaced on disk by another file; Reload shows the new one").arg(name);
    case FileChange::Shrunk: return tr("%1 was truncated on disk by another program").arg(name);
    case FileChange::Grown: return tr("%1 was extended on disk by another program").arg(name);
    case FileChange::Modified: return tr("%1 was modified on disk by another program").arg(name);
    }
    return tr("%1 changed on disk").arg(name);
}

bool FileChangeSupport::hasUnsavedEdits() const
{
    return m_window->editing() && m_window->editing()->session()->isModified();
}

bool FileChangeSupport::isBannerShown() const
{
    return !m_bar->isHidden();
}

void FileChangeSupport::reload()
{
    if (!m_window->hasFile())
        return;
    HexView *view = m_window->hexView();
    EditSession *session = m_window->editing()->session();
    const std::string nativePath = view->file().path();
    const QString path = QFile::decodeName(QByteArray::fromStdString(nativePath));
    const QString name = QFileInfo(path).fileName();
    const std::uint64_t cursor = view->cursorOffset();
    const bool editing = session->isEditingEnabled();
    // What Reload is about to show: the same inode cut/grown/rewritten, or another file under the same name.
    const auto change = view->file().checkIdentity();
    const bool replaced = change && *change == FileChange::Replaced;
    // Open first: when that fails (deleted, emptied, no longer writable) the old mapping and the edits stay.
    auto reopened = MappedFile::open(nativePath, editing ? OpenMode::ReadWrite : OpenMode::ReadOnly);
    if (!reopened) {
        showBanner(tr("Cannot reload: %1").arg(QString::fromStdString(reopened.message())), path);
        return;
    }
    // The edits are carried over below, so there is nothing to ask: revert() only empties the overlay (and the
    // undo history), which lets showFile() skip its Save/Discard question. Nothing is written to the file.
    const std::vector<EditOverlay::Run> edits = session->overlay().runs();
    session->revert();
    m_window->showFile(*reopened);
    if (editing)
        session->setEditingEnabled(true); // the new mapping is read-write already: no reopen
    const EditSession::ReapplyReport kept = session->reapplyEdits(edits);
    const std::uint64_t size = reopened->size(); // never 0: empty files do not open
    view->setCursorOffset(std::min(cursor, size - 1));
    m_watcher->check(); // takes the new mapping as the watched file
    m_watcher->rearm();
    hideBanner();
    m_lastReload = reloadMessage(name, size, !edits.empty(), kept);
    if (replaced) // the edits (if any) now lie over another file's bytes: say so
        m_lastReload = tr("%1 was replaced on disk: this is the new file. %2").arg(name, m_lastReload);
    m_window->statusBar()->showMessage(m_lastReload, 10000);
    if (kept.droppedBytes > 0) { // lost work: a notice that stays until dismissed, not only a status message
        m_banner->setNotice(m_lastReload, path);
        m_bar->show();
    }
    emit reloaded(m_lastReload);
}

void FileChangeSupport::showBanner(const QString &text, const QString &path)
{
    m_banner->setMessage(text, path);
    m_bar->show();
}

void FileChangeSupport::hideBanner()
{
    m_bar->hide();
}

} // namespace hexmap
