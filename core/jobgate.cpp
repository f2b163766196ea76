#include "core/jobgate.h"

namespace hexmap {

// Each setter changes the state under the mutex so that a worker between its check and its wait cannot miss
// the notification.
void JobGate::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled.store(true, std::memory_order_release);
    }
    m_cv.notify_all();
}

void JobGate::pause()
{
    std::lock_guard lock(m_mutex);
    m_paused.store(true, std::memory_order_release);
}

void JobGate::pauseAfterChunks(std::uint64_t chunks)
{
    std::lock_guard lock(m_mutex);
    m_pauseAfter.store(chunks, std::memory_order_release);
}

void JobGate::resume(std::uint64_t pauseAfterChunks)
{
    std::unique_lock lock(m_mutex);
    m_paused.store(false, std::memory_order_release);
    m_pauseAfter.store(pauseAfterChunks, std::memory_order_release);
    m_cv.notify_all();
    // Workers that still must wait (chunksDone >= the new limit) stay; the others leave, each erasing itself.
    m_releasedCv.wait(lock, [&] {
        return isCancelled() || m_paused.load(std::memory_order_acquire) || m_waitingAt.empty()
            || *m_waitingAt.begin() >= pauseAfterChunks;
    });
}

} // namespace hexmap
