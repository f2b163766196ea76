#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>

namespace hexmap {

// The cancel flag and the pause gate one job's workers pass before each chunk. Pausing is a control and test
// hook: pause() stops every worker at its next chunk boundary, pauseAfterChunks(n) makes each worker stop
// before its (n+1)-th chunk; resume() or cancel() lets them go on (cancel makes them stop for good).
// Thread: any; workers call pass() on their own threads.
class JobGate {
public:
    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    void pause();
    void pauseAfterChunks(std::uint64_t chunks);
    // Returns once every worker it releases has left its wait and run onPause(false), so a snapshot taken
    // right after resume() never shows a released worker as still Paused.
    void resume(std::uint64_t pauseAfterChunks = UINT64_MAX);

    // Called by a worker before a chunk, having finished `chunksDone` chunks. Blocks while paused; calls
    // onPause(true) before blocking and onPause(false) after. Returns false when the job is cancelled.
    template <typename OnPause>
    bool pass(std::uint64_t chunksDone, OnPause &&onPause)
    {
        if (isCancelled())
            return false;
        if (!m_paused.load(std::memory_order_acquire) && chunksDone < m_pauseAfter.load(std::memory_order_acquire))
            return true;
        std::unique_lock lock(m_mutex);
        if (!mustWait(chunksDone))
            return !isCancelled();
        onPause(true);
        const auto waiting = m_waitingAt.insert(chunksDone);
        m_cv.wait(lock, [&] { return !mustWait(chunksDone); });
        onPause(false);
        m_waitingAt.erase(waiting);
        m_releasedCv.notify_all();
        return !isCancelled();
    }

private:
    bool mustWait(std::uint64_t chunksDone) const
    {
        return !isCancelled()
            && (m_paused.load(std::memory_order_acquire) || chunksDone >= m_pauseAfter.load(std::memory_order_acquire));
    }

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::condition_variable m_releasedCv;  // resume() waits on it for the workers it released
    std::multiset<std::uint64_t> m_waitingAt; // chunksDone of each waiting worker (under m_mutex)
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    std::atomic<std::uint64_t> m_pauseAfter{UINT64_MAX};
};

} // namespace hexmap
