#include "ui/document/filewatcher.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>

namespace hexmap {

FileWatcher::FileWatcher(QObject *parent)
    : QObject(parent), m_fsWatcher(new QFileSystemWatcher(this)),
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

void FileWatcher::watch(const MappedFile *file)
{
    if (!m_path.isEmpty())
        m_fsWatcher->removePath(m_path);
    m_file = file && file->isValid() ? file : nullptr;
    m_path = m_file ? QFile::decodeName(QByteArray::fromStdString(m_file->path())) : QString();
    m_readable = m_file ? m_file->size() : 0;
    emit watchedFileChanged();
    if (m_path.isEmpty())
        return;
    m_fsWatcher->addPath(m_path);
    rearm();
}

void FileWatcher::rearm()
{
    m_reported = Reported::None;
    m_reportedSize = 0;
    if (!m_path.isEmpty() && !m_fsWatcher->files().contains(m_path))
        m_fsWatcher->addPath(m_path); // editors that save by rename replace the watched inode
}

void FileWatcher::check()
{
    if (!m_file || !m_file->isValid())
        return;
    const MappedFile &file = *m_file;
    const auto onDisk = file.sizeOnDisk(); // fstat of the mapped inode (the path may name another file now)
    if (!onDisk)
        return;
    const std::uint64_t size = *onDisk;
    if (const std::uint64_t readable = std::min(size, file.size()); readable != m_readable) {
        m_readable = readable;
        emit readableSizeChanged(readable);
    }
    if (m_reported == Reported::Gone)
        return;
    const auto identity = file.checkIdentity();
    const FileChange change = identity ? *identity : FileChange::None;
    if (change == FileChange::Deleted || change == FileChange::Replaced) {
        m_reported = Reported::Gone;
        emit replacedOnDisk(m_path, change);
        return;
    }
    if (file.wasTruncatedOnDisk() || size < file.size()) {
        if (m_reported != Reported::Truncated || size < m_reportedSize) { // new, upgraded, or cut again
            m_reported = Reported::Truncated;
            m_reportedSize = size;
            emit truncated(m_path, size);
        }
        return;
    }
    if (change == FileChange::None || m_reported != Reported::None)
        return;
    const bool ours = (change == FileChange::Modified || change == FileChange::Grown) && m_ownWrites && m_ownWrites();
    if (ours)
        return;
    m_reported = Reported::Changed;
    emit changedOnDisk(m_path);
}

} // namespace hexmap
