#include "ui/document/filewatcher.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>

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
    m_readable = file.size();
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
    const MappedFile shown = m_source ? m_source() : MappedFile();
    if (!shown.isValid()) {
        if (m_file.isValid())
            startWatching(MappedFile());
        return;
    }
    if (!shown.sharesMappingWith(m_file))
        startWatching(shown);
    const auto onDisk = m_file.sizeOnDisk(); // fstat of the mapped inode (the path may name another file now)
    if (!onDisk)
        return;
    const std::uint64_t size = *onDisk;
    if (const std::uint64_t readable = std::min(size, m_file.size()); readable != m_readable) {
        m_readable = readable;
        emit readableSizeChanged(readable);
    }
    if (m_reported == Reported::Gone)
        return;
    const auto identity = m_file.checkIdentity();
    const FileChange change = identity ? *identity : FileChange::None;
    if (change == FileChange::Deleted || change == FileChange::Replaced) {
        m_reported = Reported::Gone;
        emit replacedOnDisk(m_path, change);
        return;
    }
    if (m_file.wasTruncatedOnDisk() || size < m_file.size()) {
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
