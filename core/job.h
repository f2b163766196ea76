#pragma once

#include "core/jobgate.h"
#include "core/jobhook.h"
#include "core/jobsnapshot.h"
#include "core/jobspec.h"
#include "core/mappedfile.h"
#include "core/result.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hexmap {

class JobWorker;
class PatternKernel;

// A background operation (fill, zero, pattern, flush, sync) over one range of a MappedFile, run by worker
// threads over disjoint, page-aligned parts of the range cut by the file's RangeAllocator. The range stays
// reserved from create() until the last worker stops, so an overlapping job is refused (Errc::RangeBusy).
// A job ends exactly once: Succeeded, Cancelled (workers stop at their next chunk boundary; snapshot() says
// exactly which bytes were written) or Failed (the first error; the other workers then stop at their next chunk
// boundary). A Fill/Pattern worker that fails or is cancelled gives back the blocks it reserved in holes but did
// not write (JobSpace). The completion callback then runs once, on the worker thread that finished last, before
// wait() returns. Nothing a job does changes the file's size.
// Thread: create/start/wait/destructor from the owning thread; cancel, pause, resume, snapshot from any
// thread (including the callback). Never call wait() or destroy the job from the completion callback.
class Job {
public:
    using CompletionCallback = std::function<void(const JobSnapshot &)>;

    // Validates `spec` and reserves its range. Fails with Errc::OutOfBounds (range past the end),
    // Errc::InvalidArgument (empty range, pattern empty or over 64 KiB), Errc::NotWritable (read-only file),
    // Errc::RangeBusy (the range overlaps a running job). Nothing is written before start().
    static Result<std::unique_ptr<Job>> create(MappedFile file, JobSpec spec);
    ~Job(); // cancels and waits for the workers
    Job(const Job &) = delete;
    Job &operator=(const Job &) = delete;

    // Set before start(); called exactly once with the final snapshot.
    void setCompletionCallback(CompletionCallback callback);

    // Starts the workers. Fails with Errc::InvalidArgument when already started; when a thread cannot be
    // created the job still ends (Failed, with that error) and the error is returned.
    Status start();
    // Asks every worker to stop at its next chunk boundary (also wakes paused workers). Idempotent.
    void cancel();
    // Waits until the job has ended and its callback has returned (immediately when never started).
    void wait();
    // As wait(), for at most `timeout`; true when the job has ended.
    bool waitFor(std::chrono::milliseconds timeout);

    // Test and control hook: workers stop before their next chunk (pause) or before their (n+1)-th chunk
    // (pauseAfterChunks) until resume() or cancel(); their state shows WorkerState::Paused meanwhile.
    // resume(n) lets them go on until each has done n chunks in all (write and sync chunks count).
    void pause() { m_gate.pause(); }
    void pauseAfterChunks(std::uint64_t chunks) { m_gate.pauseAfterChunks(chunks); }
    void resume(std::uint64_t pauseAfterChunks = UINT64_MAX) { m_gate.resume(pauseAfterChunks); }
    // Test hook (see ChunkHook): set before start(); workers call it around every write chunk.
    void setChunkHook(ChunkHook hook) { m_chunkHook = std::move(hook); }

    JobSnapshot snapshot() const;
    const JobSpec &spec() const { return m_spec; }
    std::size_t workerCount() const { return m_workers.size(); }
    std::uint64_t chunkSize() const { return m_chunkSize; }

private:
    Job(MappedFile file, JobSpec spec, std::uint64_t chunkSize);
    void runWorker(std::size_t index);
    void workerFinished(const Status &status);
    void joinAll();

    MappedFile m_file;
    const JobSpec m_spec;
    const std::uint64_t m_chunkSize;
    std::unique_ptr<PatternKernel> m_kernel;
    std::vector<std::unique_ptr<JobWorker>> m_workers;
    std::vector<std::thread> m_threads;
    JobGate m_gate;
    CompletionCallback m_callback;
    ChunkHook m_chunkHook;

    std::atomic<JobState> m_state{JobState::NotStarted};
    std::atomic<std::size_t> m_remaining{0};
    std::atomic<std::int64_t> m_startNs{0}; // steady_clock, set by start()
    std::atomic<std::int64_t> m_elapsedAtEnd{-1}; // nanoseconds, set once when the job ends

    mutable std::mutex m_mutex; // guards m_error, m_finished
    std::condition_variable m_finishedCv;
    std::optional<Error> m_error;
    bool m_finished = false;
    std::mutex m_joinMutex;
};

} // namespace hexmap
