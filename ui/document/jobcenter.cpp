#include "ui/document/jobcenter.h"

#include "core/job.h"
#include "ui/view/jobcolors.h"
#include "ui/document/jobwatcher.h"

#include <algorithm>

namespace hexmap {

JobCenter::JobCenter(QObject *parent) : QObject(parent) {}

JobCenter::~JobCenter()
{
    for (JobWatcher *job : m_jobs)
        delete job; // cancels and joins before the file handle goes
    m_jobs.clear();
}

const MappedFile &JobCenter::file() const
{
    static const MappedFile none;
    return m_file ? *m_file : none;
}

void JobCenter::setFile(MappedFile *file)
{
    for (JobWatcher *job : m_jobs)
        delete job;
    m_jobs.clear();
    m_colorBase.clear();
    m_reported.clear();
    m_nextColor = 0;
    m_file = file;
    m_dirty.clear();
    m_synced.clear();
    emit jobsRemoved();
    emit dirtyChanged(0);
    emit changed();
}

void JobCenter::acceptOwnWrites(MappedFile &file)
{
    if (const auto change = file.checkIdentity(); change && *change == FileChange::Modified)
        (void)file.refreshIdentity();
}

Status JobCenter::checkUnchanged(const MappedFile &file, bool ownJobsRunning)
{
    const auto change = file.checkIdentity();
    if (!change)
        return change.error();
    if (*change == FileChange::None)
        return {};
    if (ownJobsRunning && (*change == FileChange::Modified || *change == FileChange::Grown))
        return {}; // the running jobs' own writes
    const bool gone = *change == FileChange::Deleted || *change == FileChange::Replaced;
    return Error{make_error_code(gone ? Errc::FileReplaced : Errc::FileChanged),
                 file.path() + " " + describeFileChange(*change) + " since it was opened"};
}

Result<JobWatcher *> JobCenter::start(const JobSpec &spec, const std::function<void(Job &)> &prepare)
{
    if (!m_file || !m_file->isValid() || !m_file->isWritable())
        return Error{make_error_code(Errc::NotWritable), "the file is open read-only"};
    if (Status s = checkUnchanged(*m_file, hasRunningJobs()); !s)
        return s.error(); // never write a file that was replaced, deleted or changed by another program
    JobSpec background = spec;
    background.background = true; // the workers yield the CPU to the GUI thread (bench_guilatency, issue 20)
    auto job = Job::create(*m_file, background);
    if (!job)
        return job.error();
    if (prepare)
        prepare(**job);
    if (!hasRunningJobs())
        m_nextColor = 0;
    auto *watcher = new JobWatcher(std::move(*job), this);
    m_colorBase.push_back(m_nextColor);
    m_reported.emplace_back(watcher->job()->workerCount(), 0);
    m_nextColor += int(watcher->job()->workerCount());
    m_jobs.push_back(watcher);
    connect(watcher, &JobWatcher::progressed, this, [this, watcher](const JobSnapshot &s) {
        track(watcher, s);
        emit jobProgressed(watcher);
        emit changed();
    });
    connect(watcher, &JobWatcher::finished, this, [this, watcher](const JobSnapshot &) {
        if (m_file)
            acceptOwnWrites(*m_file); // the job's writes changed the mtime: not another program's change
        emit jobFinished(watcher);
    });
    emit jobAdded(watcher);
    if (Status s = watcher->start(); !s)
        return s.error();
    return watcher;
}

Result<JobWatcher *> JobCenter::startSync(ByteRange range, unsigned threads, std::uint64_t chunkSize)
{
    JobSpec spec;
    spec.operation = JobOperation::Sync;
    spec.range = range;
    spec.threads = threads;
    spec.chunkSize = chunkSize;
    return start(spec);
}

Result<JobWatcher *> JobCenter::startFlush(ByteRange range, unsigned threads, std::uint64_t chunkSize)
{
    JobSpec spec;
    spec.operation = JobOperation::Flush;
    spec.range = range;
    spec.threads = threads;
    spec.chunkSize = chunkSize;
    return start(spec);
}

int JobCenter::colorBase(const JobWatcher *job) const
{
    const auto it = std::find(m_jobs.begin(), m_jobs.end(), job);
    return it == m_jobs.end() ? 0 : m_colorBase[std::size_t(it - m_jobs.begin())];
}

bool JobCenter::hasRunningJobs() const
{
    return std::any_of(m_jobs.begin(), m_jobs.end(), [](const JobWatcher *j) { return !j->isFinished(); });
}

std::vector<ByteRange> JobCenter::runningRanges() const
{
    std::vector<ByteRange> out;
    for (const JobWatcher *j : m_jobs)
        if (!j->isFinished())
            out.push_back(j->spec().range);
    return out;
}

void JobCenter::cancelAll()
{
    for (JobWatcher *j : m_jobs)
        j->cancel();
}

void JobCenter::removeFinished()
{
    for (std::size_t i = 0; i < m_jobs.size();) {
        if (m_jobs[i]->isFinished()) {
            m_jobs[i]->deleteLater();
            m_jobs.erase(m_jobs.begin() + std::ptrdiff_t(i));
            m_colorBase.erase(m_colorBase.begin() + std::ptrdiff_t(i));
            m_reported.erase(m_reported.begin() + std::ptrdiff_t(i));
        } else {
            ++i;
        }
    }
    emit jobsRemoved();
    emit changed();
}

ByteRange JobCenter::dirtyHull() const
{
    const auto ranges = m_dirty.ranges();
    if (ranges.empty())
        return {};
    return ByteRange::fromBounds(ranges.front().offset, ranges.back().end());
}

void JobCenter::markSyncedNoSignal(ByteRange range)
{
    for (const ByteRange &part : m_dirty.intersection(range))
        m_synced.add(part);
    m_dirty.remove(range);
}

void JobCenter::markSynced(ByteRange range)
{
    const std::uint64_t before = m_dirty.total();
    markSyncedNoSignal(range);
    if (m_dirty.total() != before) {
        emit dirtyChanged(m_dirty.total());
        emit changed();
    }
}

void JobCenter::track(JobWatcher *job, const JobSnapshot &snapshot)
{
    const std::uint64_t before = m_dirty.total();
    const JobOperation op = job->spec().operation;
    const bool writes = op == JobOperation::Fill || op == JobOperation::Zero || op == JobOperation::Pattern;
    if (const auto it = std::find(m_jobs.begin(), m_jobs.end(), job); writes && it != m_jobs.end()) {
        std::vector<std::uint64_t> &reported = m_reported[std::size_t(it - m_jobs.begin())];
        reported.resize(std::max(reported.size(), snapshot.workers.size()), 0);
        for (std::size_t w = 0; w < snapshot.workers.size(); ++w) {
            const WorkerSnapshot &worker = snapshot.workers[w];
            if (worker.bytesDone > reported[w]) {
                const ByteRange fresh{worker.range.offset + reported[w], worker.bytesDone - reported[w]};
                reported[w] = worker.bytesDone;
                emit bytesWritten(fresh);
            }
        }
    }
    if (writes) {
        for (const WorkerSnapshot &w : snapshot.workers) {
            if (!w.bytesDone)
                continue;
            m_synced.remove(w.doneRange());
            m_dirty.add(w.doneRange());
            if (w.bytesSynced)
                markSyncedNoSignal(w.syncedRange());
        }
    } else if (op == JobOperation::Sync) {
        for (const ByteRange &r : snapshot.syncedRanges())
            markSyncedNoSignal(r);
    }
    if (m_dirty.total() != before)
        emit dirtyChanged(m_dirty.total());
}

std::vector<JobCenter::WorkerTrack> JobCenter::workerTracks() const
{
    std::vector<WorkerTrack> out;
    for (std::size_t j = 0; j < m_jobs.size(); ++j) {
        const JobSnapshot &s = m_jobs[j]->lastSnapshot();
        for (std::size_t w = 0; w < s.workers.size(); ++w) {
            WorkerTrack t;
            t.job = m_jobs[j];
            t.worker = int(w);
            t.colorIndex = m_colorBase[j] + int(w);
            t.range = s.workers[w].range;
            t.done = s.workers[w].bytesDone;
            t.running = !m_jobs[j]->isFinished();
            out.push_back(t);
        }
    }
    return out;
}

std::vector<Highlight> JobCenter::highlights(const QColor &base, bool dark) const
{
    std::vector<Highlight> out;
    for (const WorkerTrack &t : workerTracks()) {
        if (!t.running)
            continue;
        const QColor c = JobColors::worker(t.colorIndex, dark);
        if (t.done)
            out.push_back({{t.range.offset, t.done}, JobColors::tint(c, base, dark ? 0.30 : 0.28)});
        if (t.done < t.range.size)
            out.push_back({{t.range.offset + t.done, t.range.size - t.done}, JobColors::tint(c, base, 0.65), true});
    }
    return out;
}

} // namespace hexmap
