#include "ui/filechangesupport.h"

#include "ui/filechangebanner.h"
#include "ui/filewatcher.h"
#include "ui/hexview.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QFileInfo>
#include <QToolBar>

#include <algorithm>

namespace hexmap {

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
        showBanner(tr("%1 changed on disk").arg(QFileInfo(path).fileName()), path);
    });
    connect(m_watcher, &FileWatcher::watchedFileChanged, this, &FileChangeSupport::hideBanner);
    connect(m_banner, &FileChangeBanner::reloadRequested, this, &FileChangeSupport::reload);
    connect(m_banner, &FileChangeBanner::closeRequested, this, [this] {
        m_window->closeFile();
        if (!m_window->hasFile())
            hideBanner();
    });
}

FileChangeSupport::~FileChangeSupport() = default;

bool FileChangeSupport::isBannerShown() const
{
    return !m_bar->isHidden();
}

void FileChangeSupport::reload()
{
    if (!m_window->hasFile())
        return;
    const QString path = QFile::decodeName(QByteArray::fromStdString(m_window->hexView()->file().path()));
    const std::uint64_t cursor = m_window->hexView()->cursorOffset();
    if (!m_window->openFile(path))
        return; // reported by the window; the old mapping (and the banner) stay
    HexView *view = m_window->hexView();
    if (view->hasFile() && view->file().size() > 0)
        view->setCursorOffset(std::min(cursor, view->file().size() - 1));
    hideBanner();
    m_watcher->rearm();
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
