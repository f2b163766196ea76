#include "ui/window/filechangesupport.h"

#include "ui/document/document.h"
#include "ui/document/filewatcher.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/filechangebanner.h"
#include "ui/view/hexview.h"

#include <QFileInfo>

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

FileChangeSupport::FileChangeSupport(QWidget *window) : WindowFeature(window) {}

void FileChangeSupport::documentAdded(Document *document, DocumentPane *pane)
{
    FileWatcher *watcher = document->watcher();
    connect(watcher, &FileWatcher::truncated, pane, [pane, document](const QString &path, std::uint64_t size) {
        showBanner(pane, truncatedText(path, size, document->isDevice()), path);
    });
    connect(watcher, &FileWatcher::changedOnDisk, pane, [pane, document](const QString &path) {
        const QString name = QFileInfo(path).fileName();
        // Unsaved edits over bytes the user has not seen: say so, so that nobody saves a mix blindly.
        showBanner(pane,
                   document->isModified()
                       ? tr("%1 was changed on disk by another program while you have unsaved edits: "
                            "reload to see its new bytes under your edits before you save")
                             .arg(name)
                       : tr("%1 changed on disk").arg(name),
                   path);
    });
    connect(watcher, &FileWatcher::replacedOnDisk, pane, [pane](const QString &path, FileChange change) {
        showBanner(pane, describeChange(change, QFileInfo(path).fileName()), path);
    });
    FileChangeBanner *banner = pane->banner();
    connect(watcher, &FileWatcher::watchedFileChanged, banner, &QWidget::hide);
    connect(banner, &FileChangeBanner::reloadRequested, this, [this, pane] { reload(pane); });
    connect(banner, &FileChangeBanner::dismissRequested, banner, &QWidget::hide);
    connect(banner, &FileChangeBanner::closeRequested, this, [this, document, banner] {
        emit closeRequested(document);
        if (!document->isOpen())
            banner->hide();
    });
}

void FileChangeSupport::documentRemoved(Document *document)
{
    if (m_pane && m_pane->document() == document)
        m_pane = nullptr;
}

void FileChangeSupport::setCurrent(Document *, DocumentPane *pane)
{
    m_pane = pane;
}

FileChangeBanner *FileChangeSupport::banner() const
{
    return m_pane ? m_pane->banner() : nullptr;
}

FileWatcher *FileChangeSupport::watcher() const
{
    return m_pane ? m_pane->document()->watcher() : nullptr;
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

QString FileChangeSupport::truncatedText(const QString &path, std::uint64_t size, bool device)
{
    if (device) // a removed USB stick, an emptied loop image: the node stays, its size reads 0
        return size == 0 ? tr("%1 is no longer available (size 0)").arg(path)
                         : tr("%1 shrank to %2 bytes").arg(path).arg(size);
    return tr("%1 was truncated on disk to %2 bytes").arg(QFileInfo(path).fileName()).arg(size);
}

bool FileChangeSupport::isBannerShown() const
{
    return m_pane && !m_pane->banner()->isHidden();
}

void FileChangeSupport::reload(DocumentPane *pane)
{
    if (!pane || !pane->document()->isOpen())
        return;
    Document *document = pane->document();
    HexView *view = pane->view();
    const QString path = document->displayPath();
    const QString name = document->fileName();
    const std::uint64_t cursor = view->cursorOffset();
    const auto report = document->reload(); // opens first: when that fails the old mapping and the edits stay
    if (!report) {
        showBanner(pane, tr("Cannot reload: %1").arg(QString::fromStdString(report.message())), path);
        return;
    }
    view->setCursorOffset(std::min(cursor, report->size - 1)); // never 0: empty files do not open
    document->watcher()->check();
    document->watcher()->rearm();
    pane->banner()->hide();
    m_lastReload = reloadMessage(name, report->size, report->hadEdits, report->kept);
    if (report->replaced) // the edits (if any) now lie over another file's bytes: say so
        m_lastReload = tr("%1 was replaced on disk: this is the new file. %2").arg(name, m_lastReload);
    emit statusMessage(m_lastReload);
    if (report->kept.droppedBytes > 0) { // lost work: a notice that stays until dismissed, not only a message
        pane->banner()->setNotice(m_lastReload, path);
        pane->banner()->show();
    }
    emit reloaded(m_lastReload);
}

void FileChangeSupport::showBanner(DocumentPane *pane, const QString &text, const QString &path)
{
    pane->banner()->setMessage(text, path);
    pane->banner()->show();
}

} // namespace hexmap
