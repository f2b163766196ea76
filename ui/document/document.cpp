#include "ui/document/document.h"

#include "core/jobsnapshot.h"
#include "core/writelock.h"
#include "ui/common/nativepath.h"
#include "ui/document/bookmarks.h"
#include "ui/document/filewatcher.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"

#include <QFileInfo>

namespace hexmap {

Document::Document(QObject *parent)
    : QObject(parent), m_session(new EditSession(this)), m_jobs(new JobCenter(this)), m_watcher(new FileWatcher(this)),
      m_bookmarks(new Bookmarks(this))
{
    m_jobs->setFile(&m_file);
    connect(this, &Document::modeChanged, m_session, &EditSession::editingEnabledChanged);
    connect(m_session, &EditSession::documentChanged, this, &Document::bytesChanged);
    connect(m_session, &EditSession::modifiedChanged, this, &Document::modifiedChanged);
    connect(m_session, &EditSession::saved, this, &Document::acceptOwnWrites); // the Save's mtime is ours
    // Bookmarks mark bytes of the file: they follow unsaved inserts and deletes (and their undo).
    const auto followEdits = [this] { m_bookmarks->setDocument(m_session->snapshot()); };
    connect(m_session, &EditSession::bytesShifted, this, followEdits);
    connect(m_session, &EditSession::modifiedChanged, this, followEdits);
    connect(m_jobs, &JobCenter::bytesWritten, this, &Document::bytesChanged);
    connect(m_jobs, &JobCenter::changed, this, &Document::jobsChanged);
    connect(m_jobs, &JobCenter::jobsRemoved, this, &Document::jobsChanged);
    connect(m_watcher, &FileWatcher::readableSizeChanged, this, &Document::readableSizeChanged);
    // Hexmap's own writes are not another program's: jobs change the mtime while they run (and refresh the
    // identity when they end, see JobCenter); a Save refreshes it when done.
    m_watcher->setOwnWrites([this] { return m_jobs->hasRunningJobs(); });
}

Document::~Document()
{
    m_jobs->setFile(nullptr); // cancels and joins the jobs before the mapping goes
    m_watcher->watch(nullptr);
}

Status Document::open(const QByteArray &nativePath)
{
    auto file = MappedFile::openReadOnly(nativePath.toStdString());
    if (!file)
        return file.error();
    open(*file);
    return {};
}

void Document::open(const MappedFile &file)
{
    const MappedFile opened = file; // `file` may be this document's own (a reopen)
    if (isOpen())
        close();
    m_file = opened;
    m_writable = false;
    m_recovery = EditSession::recoverInterruptedSave(m_file); // a journal left by an interrupted Save
    // Paths are bytes: a name that is not UTF-8 is shown with U+FFFD but never stored as a QString key.
    m_native = nativepath::canonical(QByteArray::fromStdString(m_file.path()));
    m_exactPath = nativepath::roundTrips(m_native);
    m_display = nativepath::display(m_native);
    m_search = {};
    m_session->reset();
    m_jobs->setFile(&m_file);
    m_watcher->watch(&m_file);
    m_bookmarks->setFile(m_exactPath ? m_display : QString());
    emit fileReplaced();
    emit modeChanged(false);
}

void Document::close()
{
    if (!isOpen())
        return;
    m_jobs->cancelAll();
    m_jobs->setFile(&m_file); // forgets the jobs (each watcher cancels and joins)
    m_session->revert();
    m_file = MappedFile();
    m_writable = false;
    m_native.clear();
    m_display.clear();
    m_search = {};
    m_watcher->watch(nullptr);
    m_bookmarks->setFile(QString());
    emit closed();
}

QString Document::fileName() const
{
    return QFileInfo(m_display).fileName();
}

bool Document::hasRunningJobs() const
{
    return m_jobs->hasRunningJobs();
}

double Document::jobProgress() const
{
    std::uint64_t total = 0;
    std::uint64_t done = 0;
    for (const JobWatcher *job : m_jobs->jobs()) {
        if (job->isFinished())
            continue;
        total += job->spec().range.size;
        done += job->lastSnapshot().totalDone;
    }
    if (!m_jobs->hasRunningJobs())
        return -1;
    return total ? double(done) / double(total) : 0;
}

void Document::adopt(const MappedFile &file)
{
    m_file = file; // JobCenter, FileWatcher and the views read through &m_file: they see the new mapping now
    m_watcher->watch(&m_file);
}

QString Document::shownName() const
{
    return isDevice() ? m_display : fileName();
}

Status Document::setWritable(bool writable, WriteConsent consent)
{
    if (!isOpen())
        return Error{make_error_code(Errc::InvalidArgument), "no file is open"};
    if (writable == isWritable())
        return {};
    if (writable) {
        if (!m_file.isWritable()) {
            // One writer at a time: name the process that holds the write lock.
            if (auto holder = WriteLock::holderOfPath(m_file.path()); holder && *holder)
                return Error{make_error_code(Errc::WriteLocked),
                             m_file.path() + " (being written by " + (*holder)->describe() + ")"};
            // A device is written only after its warning (OpenMode::ReadWrite refuses it: DeviceNotConfirmed).
            const bool device = m_file.isBlockDevice() && consent == WriteConsent::DeviceConfirmed;
            auto reopened = MappedFile::open(m_file.path(), device ? OpenMode::ReadWriteDevice : OpenMode::ReadWrite);
            if (!reopened)
                return reopened.error();
            if (!reopened->identity().sameInode(m_file.identity())) // the path names another file now
                return Error{make_error_code(Errc::FileReplaced),
                             m_file.path() + " was replaced by another file since it was opened"};
            adopt(*reopened);
        }
        m_writable = true;
    } else {
        if (m_session->isModified())
            return Error{make_error_code(Errc::InvalidArgument), m_file.path() + " has unsaved edits"};
        m_writable = false;
        if (!m_jobs->hasRunningJobs()) {
            if (auto reopened = MappedFile::openReadOnly(m_file.path());
                reopened && reopened->identity().sameInode(m_file.identity()))
                adopt(*reopened);
        } // else: keep the read-write mapping; editing is off all the same
    }
    emit modeChanged(m_writable);
    return {};
}

std::uint64_t Document::size() const { return m_session->size(); }

Result<Document::ReloadReport> Document::reload()
{
    if (!isOpen())
        return Error{make_error_code(Errc::InvalidArgument), "no file is open"};
    const std::string path = m_file.path();
    const bool writable = isWritable();
    ReloadReport report;
    const auto change = m_file.checkIdentity(); // the same inode cut/grown/rewritten, or another file
    report.replaced = change && *change == FileChange::Replaced;
    // Open first: when that fails (deleted, no longer writable) the old mapping and the edits stay.
    // A writable device was confirmed when editing was enabled: reopen it the same way.
    const OpenMode writeMode = m_file.isBlockDevice() ? OpenMode::ReadWriteDevice : OpenMode::ReadWrite;
    auto reopened = MappedFile::open(path, writable ? writeMode : OpenMode::ReadOnly);
    if (!reopened)
        return reopened.error();
    report.hadEdits = m_session->isModified();
    const std::optional<std::vector<EditOverlay::Run>> carried = m_session->overwriteRuns();
    // Inserted or deleted bytes cannot be carried over: they are placed relative to the file as it was.
    const std::vector<EditOverlay::Run> edits = carried ? *carried : std::vector<EditOverlay::Run>{};
    const std::uint64_t lost = carried ? 0 : m_session->editedBytes();
    m_jobs->cancelAll();
    m_file = *reopened;
    m_writable = writable;
    m_search = {};
    m_session->reset();
    m_jobs->setFile(&m_file);
    m_watcher->watch(&m_file);
    emit fileReplaced();
    report.kept = m_session->reapplyEdits(edits); // nothing is written to the file
    report.kept.droppedBytes += lost;
    report.size = m_file.size();
    return report;
}

void Document::acceptOwnWrites()
{
    if (isOpen())
        JobCenter::acceptOwnWrites(m_file);
}

} // namespace hexmap
