#pragma once

#include "core/mappedfile.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>

class QFileSystemWatcher;
class QTimer;

namespace hexmap {

// Watches the file a window shows for changes made by other processes: a QFileSystemWatcher on its path plus a
// polling QTimer (inotify misses some changes, e.g. on network file systems, and the SIGBUS guard's flag
// MappedFile::wasTruncatedOnDisk() is only visible by polling). Each tick asks `source` for the file currently
// shown (an invalid MappedFile when none) and compares the file on disk with it:
// - shorter than the mapping, or the SIGBUS guard fired -> truncated(path, sizeOnDisk), once per file;
// - otherwise a different size, or a different mtime while the file is mapped read-only (a writable mapping may
//   be written by our own jobs and edits, which change the mtime) -> changedOnDisk(path), once per file.
// rearm() forgets what was reported (after a reload). Thread: GUI thread only.
class FileWatcher : public QObject {
    Q_OBJECT
public:
    using FileSource = std::function<MappedFile()>;

    explicit FileWatcher(FileSource source, QObject *parent = nullptr);
    ~FileWatcher() override;

    void setPollInterval(int milliseconds);
    // Checks now (also called by the timer and the file system watcher).
    void check();
    // Takes the current state on disk as the new baseline and allows new reports.
    void rearm();

signals:
    void truncated(const QString &path, std::uint64_t sizeOnDisk);
    void changedOnDisk(const QString &path);
    void watchedFileChanged(); // another file (or none) is shown now: earlier reports are obsolete

private:
    void startWatching(const MappedFile &file);

    FileSource m_source;
    QFileSystemWatcher *m_fsWatcher;
    QTimer *m_timer;
    MappedFile m_file; // the file being watched (a copy of the shown file's handle)
    QString m_path;
    std::uint64_t m_baselineSize = 0;
    QDateTime m_baselineMtime;
    bool m_reported = false;
};

} // namespace hexmap
