#include "core/job.h"

#include "core/jobworker.h"
#include "core/patternkernel.h"
#include "core/threadpriority.h"

#include <algorithm>
#include <system_error>

namespace hexmap {
namespace {

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isWrite(JobOperation op)
{
    return op == JobOperation::Fill || op == JobOperation::Zero || op == JobOperation::Pattern;
}

} // namespace

Result<std::unique_ptr<Job>> Job::create(MappedFile file, JobSpec spec)
{
    if (!file.isValid())
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    const std::string where = file.path() + " [" + std::to_string(spec.range.offset) + ", +"
        + std::to_string(spec.range.size) + ")";
    if (spec.range.isEmpty())
        return Error{make_error_code(Errc::InvalidArgument), where + ": empty range"};
    if (spec.range.size > UINT64_MAX - spec.range.offset || spec.range.end() > file.size())
        return Error{make_error_code(Errc::OutOfBounds), where};
    if (spec.operation == JobOperation::Pattern
        && (spec.pattern.empty() || spec.pattern.size() > JobSpec::kMaxPatternSize))
        return Error{make_error_code(Errc::InvalidArgument),
                     "pattern of " + std::to_string(spec.pattern.size()) + " bytes (1 to 65536 allowed)"};
    if (spec.threads == 0)
        spec.threads = std::max(1u, std::thread::hardware_concurrency());
    spec.threads = std::min(spec.threads, JobSpec::kMaxThreads);
    const std::uint64_t page = MappedFile::pageSize();
    std::uint64_t chunk = spec.chunkSize;
    if (chunk == 0)
        chunk = spec.operation == JobOperation::Zero ? JobSpec::kDefaultZeroChunkSize
            : isWrite(spec.operation)                ? JobSpec::kDefaultChunkSize
                                                     : JobSpec::kDefaultSyncChunkSize;
    chunk = std::max(page, chunk > UINT64_MAX - page ? UINT64_MAX / page * page : (chunk + page - 1) / page * page);
    spec.syncChunkSize = std::max(page, spec.syncChunkSize / page * page);

    auto allocator = file.allocator(spec.range);
    if (!allocator)
        return allocator.error();
    std::unique_ptr<Job> job(new Job(file, std::move(spec), chunk));
    const std::uint64_t share = job->m_spec.range.size / job->m_spec.threads
        + (job->m_spec.range.size % job->m_spec.threads ? 1 : 0);
    while (auto token = allocator->allocate(share))
        job->m_workers.push_back(std::make_unique<JobWorker>(std::move(*token), job->m_spec, chunk));
    if (job->m_spec.operation == JobOperation::Pattern)
        job->m_kernel = std::make_unique<PatternKernel>(job->m_spec.pattern);
    return job;
}

Job::Job(MappedFile file, JobSpec spec, std::uint64_t chunkSize)
    : m_file(std::move(file)), m_spec(std::move(spec)), m_chunkSize(chunkSize)
{
}

Job::~Job()
{
    cancel();
    joinAll();
}

void Job::setCompletionCallback(CompletionCallback callback) { m_callback = std::move(callback); }

Status Job::start()
{
    JobState expected = JobState::NotStarted;
    if (!m_state.compare_exchange_strong(expected, JobState::Running, std::memory_order_acq_rel))
        return Error{make_error_code(Errc::InvalidArgument), "job already started"};
    m_startNs.store(nowNs(), std::memory_order_release);
    m_remaining.store(m_workers.size(), std::memory_order_release);
    m_threads.reserve(m_workers.size());
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        try {
            m_threads.emplace_back(&Job::runWorker, this, i);
        } catch (const std::system_error &e) {
            // Workers already running stop at their next chunk; the unstarted ones end here, each once.
            const Status failed = Error{e.code(), "cannot start a job thread"};
            m_gate.cancel();
            for (std::size_t k = i; k < m_workers.size(); ++k) {
                m_workers[k]->abandon();
                workerFinished(failed);
            }
            return failed;
        }
    }
    return {};
}

void Job::runWorker(std::size_t index)
{
    if (m_spec.background)
        lowerThisThreadPriority(); // refused: the worker runs at the normal priority, which is harmless
    const Status status = m_workers[index]->run(m_file, m_gate, m_kernel.get(),
                                                  m_chunkHook ? &m_chunkHook : nullptr);
    workerFinished(status);
}

void Job::workerFinished(const Status &status)
{
    if (!status) {
        {
            std::lock_guard lock(m_mutex);
            if (!m_error)
                m_error = status.error();
        }
        // The job has failed: the other workers stop at their next chunk (and give back what they reserved but
        // did not write) instead of writing on into a file that was cut or a disk that is full.
        m_gate.cancel();
    }
    if (m_remaining.fetch_sub(1, std::memory_order_acq_rel) != 1)
        return;
    // The last worker: every token is gone, so the range is free again before anyone hears the job ended.
    m_elapsedAtEnd.store(nowNs() - m_startNs.load(std::memory_order_acquire), std::memory_order_release);
    bool failed = false;
    {
        std::lock_guard lock(m_mutex);
        failed = m_error.has_value();
    }
    bool incomplete = false;
    for (const auto &w : m_workers)
        incomplete = incomplete || w->snapshot().state != WorkerState::Done;
    const JobState final = failed ? JobState::Failed : incomplete ? JobState::Cancelled : JobState::Succeeded;
    m_state.store(final, std::memory_order_release);
    if (m_callback)
        m_callback(snapshot());
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_finishedCv.notify_all();
    }
}

void Job::cancel() { m_gate.cancel(); }

void Job::wait()
{
    if (m_state.load(std::memory_order_acquire) == JobState::NotStarted)
        return;
    {
        std::unique_lock lock(m_mutex);
        m_finishedCv.wait(lock, [this] { return m_finished; });
    }
    joinAll();
}

bool Job::waitFor(std::chrono::milliseconds timeout)
{
    if (m_state.load(std::memory_order_acquire) == JobState::NotStarted)
        return true;
    {
        std::unique_lock lock(m_mutex);
        if (!m_finishedCv.wait_for(lock, timeout, [this] { return m_finished; }))
            return false;
    }
    joinAll();
    return true;
}

void Job::joinAll()
{
    std::lock_guard lock(m_joinMutex);
    for (std::thread &t : m_threads)
        if (t.joinable())
            t.join();
}

JobSnapshot Job::snapshot() const
{
    JobSnapshot s;
    s.state = m_state.load(std::memory_order_acquire);
    s.range = m_spec.range;
    s.totalBytes = m_spec.range.size;
    s.workers.reserve(m_workers.size());
    for (const auto &w : m_workers) {
        s.workers.push_back(w->snapshot());
        s.totalDone += s.workers.back().bytesDone;
        s.totalSynced += s.workers.back().bytesSynced;
    }
    if (s.state != JobState::NotStarted) {
        const std::int64_t end = m_elapsedAtEnd.load(std::memory_order_acquire);
        s.elapsed = std::chrono::nanoseconds(end >= 0 ? end : nowNs() - m_startNs.load(std::memory_order_acquire));
    }
    const double seconds = std::chrono::duration<double>(s.elapsed).count();
    if (seconds > 0)
        s.bytesPerSecond = static_cast<double>(s.totalDone) / seconds;
    if (s.state == JobState::Running && s.bytesPerSecond > 0)
        s.eta = std::chrono::nanoseconds(
            static_cast<std::int64_t>(static_cast<double>(s.totalBytes - s.totalDone) / s.bytesPerSecond * 1e9));
    if (s.state == JobState::Cancelled)
        s.error = make_error_code(Errc::Cancelled);
    if (s.state == JobState::Failed) {
        std::lock_guard lock(m_mutex);
        if (m_error) {
            s.error = m_error->code;
            s.message = m_error->message();
        }
    }
    return s;
}

} // namespace hexmap
