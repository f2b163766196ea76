#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/result.h"
#include "ui/document/editsession.h"
#include "ui/document/searchstate.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <cstdint>

namespace hexmap {

class Bookmarks;
class FileWatcher;
class JobCenter;

// Document: everything about one open file, and the only owner of its MappedFile. It holds the mapping and its
// mode (read-only, or read-write = editing enabled, switched only by setWritable()), the EditSession (unsaved edits,
// undo stack, Save), the JobCenter (background jobs write through this document's read-write mapping), the
// FileWatcher (changes made by other programs), the Bookmarks and the search state. It is the only place that opens,
// reopens, reloads and closes the file. Views and docks read the bytes through file() (a reference valid as long as
// the Document lives; it names the current mapping after every reopen) and follow the signals:
// - modeChanged(writable) after a reopen read-write or read-only;
// - bytesChanged(range) whenever displayed bytes may differ: edits, undo/redo, revert, save, and bytes written by
//   running jobs (each JobWatcher tick reports the bytes its workers wrote since the previous tick);
// - fileReplaced() after open()/reload(): another mapping, maybe another size (views reset their layout);
// - readableSizeChanged(size) when another program cut the file under the mapping;
// - modifiedChanged, closed().
// Thread: GUI thread only. The destructor cancels running jobs and waits for them (within one chunk).
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Opens the file at `nativePath` (bytes, as the OS names it) read-only. Fails with MappedFile::openReadOnly's
    // error (the message names the path); the document is unchanged then.
    Status open(const QByteArray &nativePath);
    // Takes a file opened elsewhere (the command line opens first to report errors on stderr); completes or discards
    // a save journal left by an interrupted Save (recoveryMessage()). Any previous file is closed without asking:
    // ask first (CloseGuard, the Save/Discard question).
    void open(const MappedFile &file);
    // Cancels the jobs (waits within one chunk), drops unsaved edits and the undo history, forgets the file and
    // emits closed(). Ask first.
    void close();
    bool isOpen() const { return m_file.isValid(); }

    // The mapping: valid while this document lives (an invalid MappedFile when closed).
    const MappedFile &file() const { return m_file; }
    // The document's size (with unsaved inserts and deletes), and the file's.
    std::uint64_t size() const;
    std::uint64_t fileSize() const { return m_file.isValid() ? m_file.size() : 0; }
    QByteArray nativePath() const { return m_native; }       // canonical path bytes, as the OS names them
    QString displayPath() const { return m_display; }        // canonical path for display (U+FFFD for non-UTF-8)
    QString fileName() const;                                // the last component of displayPath()
    bool hasExactPath() const { return m_exactPath; }        // displayPath() survives a round trip to bytes
    QString recoveryMessage() const { return m_recovery; }  // set by open(MappedFile): a replayed Save journal

    // Mode. setWritable(true) reopens the file read-write (refused with Errc::WriteLocked naming the process that
    // holds the write lock, or with the open error: EACCES, EROFS); setWritable(false) reopens it read-only and is
    // refused (Errc::Busy) while there are unsaved edits. Both keep edits, jobs and bookmarks; emit modeChanged.
    // A block device becomes writable only with WriteConsent::DeviceConfirmed (OpenMode::ReadWriteDevice, after
    // the device warning); without it setWritable(true) fails with Errc::DeviceNotConfirmed naming the device.
    bool isWritable() const { return m_file.isValid() && m_file.isWritable() && m_writable; }
    Status setWritable(bool writable, WriteConsent consent = WriteConsent::Ordinary);
    // The open file is a block device (a disk, a partition, a loop device): it cannot change size.
    bool isDevice() const { return m_file.isValid() && m_file.isBlockDevice(); }
    // The name tabs and the title show: the file name, or for a device its path ("/dev/loop0").
    QString shownName() const;

    // Reload: reopens the same path in the current mode (the inode the path names now), carries the unsaved edits
    // over (EditSession::reapplyEdits: cut at the new end, one undo step), forgets the jobs, emits fileReplaced().
    // Fails with the open error (deleted, emptied, no longer writable); nothing changes then.
    struct ReloadReport {
        bool replaced = false;  // the path named another file than the one shown
        bool hadEdits = false;
        EditSession::ReapplyReport kept;
        std::uint64_t size = 0;
    };
    Result<ReloadReport> reload();

    // Hexmap's own write changed the mtime (a Save, a job): take it as ours (JobCenter::acceptOwnWrites).
    void acceptOwnWrites();

    EditSession *session() const { return m_session; }
    JobCenter *jobs() const { return m_jobs; }
    FileWatcher *watcher() const { return m_watcher; }
    Bookmarks *bookmarks() const { return m_bookmarks; }
    SearchState &search() { return m_search; }
    const SearchState &search() const { return m_search; }
    bool isModified() const { return m_session->isModified(); }
    bool hasRunningJobs() const;
    // The running jobs' progress as a fraction of their bytes (0..1), or a negative value when none runs.
    double jobProgress() const;

signals:
    void fileReplaced();                      // open() or reload(): another mapping (maybe another size)
    void modeChanged(bool writable);
    void bytesChanged(hexmap::ByteRange range);
    void readableSizeChanged(std::uint64_t size);
    void modifiedChanged(bool modified);
    void jobsChanged();                        // a job started, ticked, ended or was removed
    void closed();

private:
    friend class EditSession; // Save writes through the mapping (saveOverlay refreshes its identity)
    void adopt(const MappedFile &file); // a new mapping of the same file (mode switch): edits and jobs stay

    MappedFile m_file;
    bool m_writable = false;
    QByteArray m_native;
    QString m_display;
    bool m_exactPath = true;
    QString m_recovery;
    EditSession *m_session;
    JobCenter *m_jobs;
    FileWatcher *m_watcher;
    Bookmarks *m_bookmarks;
    SearchState m_search;
};

} // namespace hexmap
