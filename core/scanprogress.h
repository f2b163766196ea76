#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace hexmap {

// A copy of a scan's counters, with speed and ETA derived from them. Plain value.
struct ScanProgressSnapshot {
    std::uint64_t bytesDone = 0;  // bytes every consumer has finished with (holes included)
    std::uint64_t bytesTotal = 0; // the range's size
    std::uint64_t bytesRead = 0;  // bytes actually read from the file (holes excluded)
    double seconds = 0;           // since the scan started
    bool cancelRequested = false;
    bool finished = false;        // run() has returned (set exactly once per run)
    double bytesPerSecond() const { return seconds > 0 ? static_cast<double>(bytesDone) / seconds : 0; }
    // Seconds left at the current speed; negative when unknown.
    double etaSeconds() const
    {
        const double speed = bytesPerSecond();
        return speed > 0 ? static_cast<double>(bytesTotal - bytesDone) / speed : -1;
    }
};

// Shared state between a running scan and its observers: atomic counters and a cancel flag.
// Thread: any; every member may be called concurrently. requestCancel() is async-signal-safe (a lock-free
// atomic store), so a SIGINT handler may call it. run() resets the counters (not the cancel flag) when it starts.
class ScanProgress {
public:
    void requestCancel() { m_cancel.store(true, std::memory_order_relaxed); }
    bool isCancelRequested() const { return m_cancel.load(std::memory_order_relaxed); }
    void clearCancel() { m_cancel.store(false, std::memory_order_relaxed); }

    ScanProgressSnapshot snapshot() const
    {
        ScanProgressSnapshot s;
        s.bytesDone = m_done.load(std::memory_order_relaxed);
        s.bytesTotal = m_total.load(std::memory_order_relaxed);
        s.bytesRead = m_read.load(std::memory_order_relaxed);
        s.finished = m_finished.load(std::memory_order_acquire);
        const auto end = s.finished ? m_end.load(std::memory_order_relaxed) : now();
        s.seconds = static_cast<double>(end - m_start.load(std::memory_order_relaxed)) / 1e9;
        s.cancelRequested = isCancelRequested();
        return s;
    }

    // Engine side.
    void start(std::uint64_t total)
    {
        m_done.store(0, std::memory_order_relaxed);
        m_read.store(0, std::memory_order_relaxed);
        m_total.store(total, std::memory_order_relaxed);
        m_start.store(now(), std::memory_order_relaxed);
        m_finished.store(false, std::memory_order_release);
    }
    void addDone(std::uint64_t bytes) { m_done.fetch_add(bytes, std::memory_order_relaxed); }
    void addRead(std::uint64_t bytes) { m_read.fetch_add(bytes, std::memory_order_relaxed); }
    void finish()
    {
        m_end.store(now(), std::memory_order_relaxed);
        m_finished.store(true, std::memory_order_release);
    }

private:
    static std::int64_t now()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<std::uint64_t> m_read{0};
    std::atomic<std::int64_t> m_start{0};
    std::atomic<std::int64_t> m_end{0};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_cancel{false};
};

} // namespace hexmap
