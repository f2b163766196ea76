#include "ui/filewatcher.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace hexmap {

FileWatcher::FileWatcher(FileSource source, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_fsWatcher(new QFileSystemWatcher(this)),
      m_timer(new QTimer(this))
{
    connect(m_fsWatcher, &QFileSystemWatcher::fileChanged, this, &FileWatcher::check);
    connect(m_timer, &QTimer::timeout, this, &FileWatcher::check);
    m_timer->start(500);
}

FileWatcher::~FileWatcher() = default;

void FileWatcher::setPollInterval(int milliseconds)
{
    m_timer->start(milliseconds);
}

void FileWatcher::startWatching(const MappedFile &file)
{
    if (!m_path.isEmpty())
        m_fsWatcher->removePath(m_path);
    m_file = file;
    m_path = file.isValid() ? QFile::decodeName(QByteArray::fromStdString(file.path())) : QString();
    m_reported = false;
    emit watchedFileChanged();
    if (m_path.isEmpty())
        return;
    m_fsWatcher->addPath(m_path);
    rearm();
    m_baselineSize = file.size(); // the size the mapping was made for, not whatever is on disk by now
}

void FileWatcher::rearm()
{
    m_reported = false;
    const QFileInfo info(m_path);
    m_baselineSize = static_cast<std::uint64_t>(info.size());
    m_baselineMtime = info.lastModified();
    if (!m_path.isEmpty() && !m_fsWatcher->files().contains(m_path))
        m_fsWatcher->addPath(m_path); // editors that save by rename replace the watched inode
}

void FileWatcher::check()
{
    const MappedFile shown = m_source ? m_source() : MappedFile();
    if (!shown.isValid()) {
        if (m_file.isValid())
            startWatching(MappedFile());
        return;
    }
    if (!shown.sharesMappingWith(m_file))
        startWatching(shown);
    if (m_reported)
        return;
    QFileInfo info(m_path);
    info.setCaching(false);
    const std::uint64_t size = info.exists() ? static_cast<std::uint64_t>(info.size()) : 0;
    if (m_file.wasTruncatedOnDisk() || size < m_file.size()) {
        m_reported = true;
        emit truncated(m_path, size);
        return;
    }
    const bool mtimeChanged = !m_file.isWritable() && info.lastModified() != m_baselineMtime;
    if (size != m_baselineSize || mtimeChanged) {
        m_reported = true;
        emit changedOnDisk(m_path);
    }
}

} // namespace hexmap
