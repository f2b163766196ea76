#pragma once

#include "core/fileidentity.h"
#include "core/mappedfile.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>

class QFileSystemWatcher;
class QTimer;

namespace hexmap {

// Watches a Document's file for changes made by other processes: a QFileSystemWatcher on its path plus a
// polling QTimer (inotify misses some changes, e.g. on network file systems, and the SIGBUS guard's flag
// MappedFile::wasTruncatedOnDisk() is only visible by polling). The Document calls watch() with its mapping
// whenever it opens, reopens or closes it; each tick compares the file on disk with the identity the mapping recorded
// (MappedFile::checkIdentity: inode, size, mtime; Hexmap's own writes call refreshIdentity, so they are not
// reported), in read-only and read-write mode alike:
// - the path names another file, or the file was deleted -> replacedOnDisk(path, change), once per file;
// - shorter than the mapping, or the SIGBUS guard fired -> truncated(path, sizeOnDisk); also after a
//   changedOnDisk (the report is upgraded) and again whenever it shrinks further;
// - otherwise another size or mtime -> changedOnDisk(path), once per file. While `ownWrites` says that
//   Hexmap itself is writing the file (a running job), mtime-only changes and growth are not reported.
// Every tick also pushes the bytes that still exist on disk (min(size on disk, mapping size)) through
// readableSizeChanged when that changed, so that the view stops reading past a cut (one fstat per tick, none
// per painted row). rearm() forgets what was reported (after a reload). Thread: GUI thread only.
class FileWatcher : public QObject {
    Q_OBJECT
public:
    using OwnWrites = std::function<bool()>;

    explicit FileWatcher(QObject *parent = nullptr);
    // Watches `file` (the owner's mapping, read through the pointer; null or invalid = nothing) from now on:
    // earlier reports are forgotten (watchedFileChanged).
    void watch(const MappedFile *file);
    ~FileWatcher() override;

    void setPollInterval(int milliseconds);
    void setOwnWrites(OwnWrites ownWrites) { m_ownWrites = std::move(ownWrites); }
    // Checks now (also called by the timer and the file system watcher).
    void check();
    // Allows new reports for the current file (after a reload).
    void rearm();

signals:
    void truncated(const QString &path, std::uint64_t sizeOnDisk);
    void changedOnDisk(const QString &path);
    void replacedOnDisk(const QString &path, hexmap::FileChange change); // FileChange::Replaced or Deleted
    void readableSizeChanged(std::uint64_t size);
    void watchedFileChanged(); // another file (or none) is shown now: earlier reports are obsolete

private:
    enum class Reported { None, Changed, Truncated, Gone }; // in increasing severity
    OwnWrites m_ownWrites;
    QFileSystemWatcher *m_fsWatcher;
    QTimer *m_timer;
    const MappedFile *m_file = nullptr; // the owner's mapping
    QString m_path;
    std::uint64_t m_readable = 0;      // last pushed through readableSizeChanged
    std::uint64_t m_reportedSize = 0;  // size in the last truncated() report
    Reported m_reported = Reported::None;
};

} // namespace hexmap
