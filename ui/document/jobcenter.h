#pragma once

#include "core/jobspec.h"
#include "core/mappedfile.h"
#include "core/rangeset.h"
#include "core/result.h"
#include "ui/view/highlight.h"

#include <QColor>
#include <QObject>

#include <cstdint>
#include <functional>
#include <vector>

namespace hexmap {

class Job;
class JobWatcher;
struct JobSnapshot;

// The jobs of one open file: starts them (each behind a JobWatcher), keeps them listed until removeFinished(),
// and tracks which bytes jobs wrote but nobody synced yet (dirty) versus those a sync made durable (synced).
// Each job gets its own run of worker colours (JobColors) so simultaneous jobs stay distinguishable.
// It is the model the jobs dock, the overview map, the hex view's tint and the status bar read.
// Thread: GUI thread only (watchers deliver progress there; no worker thread ever reaches this object).
class JobCenter : public QObject {
    Q_OBJECT
public:
    // One worker as the map and the view draw it.
    struct WorkerTrack {
        const JobWatcher *job = nullptr;
        int worker = 0;
        int colorIndex = 0;
        ByteRange range;
        std::uint64_t done = 0;
        bool running = false;
    };

    explicit JobCenter(QObject *parent = nullptr);
    ~JobCenter() override;

    // The file jobs run on: the owner's mapping (a Document's), read through this pointer so that a reopen
    // read-write is seen at once; it must outlive this center or be reset. Jobs start only while it is writable.
    // Jobs of a previous file are cancelled and forgotten (also when called again with the same pointer).
    void setFile(MappedFile *file);
    const MappedFile &file() const;

    // Creates and starts a job; its watcher is owned by this center. Fails as Job::create / Job::start, with
    // Errc::NotWritable when no writable file is set, Errc::FileReplaced when the file was replaced or deleted
    // and Errc::FileChanged when another program changed it since it was opened (checkUnchanged): nothing is
    // written then. `prepare` runs before start (tests use the pause hooks). When a job ends, the identity of
    // the file is refreshed (acceptOwnWrites), so the watcher does not take the job's writes for another's.
    Result<JobWatcher *> start(const JobSpec &spec, const std::function<void(Job &)> &prepare = {});
    // A Sync (durable) or Flush (writeback) job over `range` in `chunkSize` chunks (0: the engine default).
    Result<JobWatcher *> startSync(ByteRange range, unsigned threads = 1, std::uint64_t chunkSize = 0);
    Result<JobWatcher *> startFlush(ByteRange range, unsigned threads = 1, std::uint64_t chunkSize = 0);

    // OK when `file` on disk is still the one opened, as recorded (MappedFile::checkIdentity); mtime-only
    // changes and growth pass while `ownJobsRunning` (our own jobs change the mtime). Errors as start().
    static Status checkUnchanged(const MappedFile &file, bool ownJobsRunning);
    // After Hexmap's own writes: takes a changed mtime as ours (refreshIdentity). A cut, a growth or another
    // inode is never taken as ours.
    static void acceptOwnWrites(MappedFile &file);

    const std::vector<JobWatcher *> &jobs() const { return m_jobs; }
    int colorBase(const JobWatcher *job) const;
    bool hasRunningJobs() const;
    std::vector<ByteRange> runningRanges() const;
    void cancelAll();
    void removeFinished();

    const RangeSet &dirty() const { return m_dirty; }
    const RangeSet &synced() const { return m_synced; }
    std::uint64_t dirtyBytes() const { return m_dirty.total(); }
    // The smallest range holding every dirty byte (empty when none): what the status bar's Sync button syncs.
    ByteRange dirtyHull() const;
    // Forget durability marks, e.g. when the file was synced outside the jobs (Save).
    void markSynced(ByteRange range);

    // Every worker of the listed jobs, in job order (later jobs drawn on top).
    std::vector<WorkerTrack> workerTracks() const;
    // The hex view's tint: for each running worker, its written prefix (light tint, real bytes) and its
    // not-yet-written rest (stronger tint; the view must draw placeholders there, never the bytes).
    std::vector<Highlight> highlights(const QColor &base, bool dark) const;

signals:
    void jobAdded(hexmap::JobWatcher *job);
    void jobProgressed(hexmap::JobWatcher *job);
    void jobFinished(hexmap::JobWatcher *job);
    void jobsRemoved();
    void dirtyChanged(std::uint64_t dirtyBytes);
    // Something the map or the view draws changed (any tick of any job).
    void changed();
    // Bytes the running jobs wrote since the previous tick (one signal per worker that progressed; at the
    // JobWatcher's display rate, never per chunk).
    void bytesWritten(hexmap::ByteRange range);

private:
    void track(JobWatcher *job, const JobSnapshot &snapshot);
    void markSyncedNoSignal(ByteRange range);

    MappedFile *m_file = nullptr; // not owned
    std::vector<JobWatcher *> m_jobs; // QObject children
    std::vector<int> m_colorBase;     // parallel to m_jobs
    std::vector<std::vector<std::uint64_t>> m_reported; // parallel to m_jobs: bytes done per worker, reported
    int m_nextColor = 0;
    RangeSet m_dirty;
    RangeSet m_synced;
};

} // namespace hexmap
