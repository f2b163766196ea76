#pragma once

#include <atomic>
#include <cstdint>

namespace hexmap {

// A consistent-enough copy of a search's counters (each field is read atomically on its own). Plain value.
struct SearchProgressSnapshot {
    std::uint64_t bytesScanned = 0; // match start positions examined so far
    std::uint64_t bytesTotal = 0;   // start positions the current call will examine at most
    std::uint64_t slicesDone = 0;
    std::uint64_t matchesFound = 0; // matches seen so far (findAll may see more than it returns when capped)
    bool cancelRequested = false;
};

// Shared state between a running search and its observers: atomic counters and a cancel flag.
// Thread: any; every member may be called concurrently (the UI polls snapshot() on a timer while workers count).
// The engine resets the counters (not the cancel flag) when a call starts; a cancel requested before the call
// makes it return Errc::Cancelled without scanning.
class SearchProgress {
public:
    void requestCancel() { m_cancel.store(true, std::memory_order_relaxed); }
    bool isCancelRequested() const { return m_cancel.load(std::memory_order_relaxed); }
    void clearCancel() { m_cancel.store(false, std::memory_order_relaxed); }

    SearchProgressSnapshot snapshot() const
    {
        return {m_scanned.load(std::memory_order_relaxed), m_total.load(std::memory_order_relaxed),
                m_slices.load(std::memory_order_relaxed), m_matches.load(std::memory_order_relaxed),
                isCancelRequested()};
    }

    // Engine side.
    void reset(std::uint64_t total)
    {
        m_scanned.store(0, std::memory_order_relaxed);
        m_slices.store(0, std::memory_order_relaxed);
        m_matches.store(0, std::memory_order_relaxed);
        m_total.store(total, std::memory_order_relaxed);
    }
    void addSlice(std::uint64_t bytes, std::uint64_t matches)
    {
        m_scanned.fetch_add(bytes, std::memory_order_relaxed);
        m_matches.fetch_add(matches, std::memory_order_relaxed);
        m_slices.fetch_add(1, std::memory_order_relaxed);
    }

private:
    std::atomic<std::uint64_t> m_scanned{0};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<std::uint64_t> m_slices{0};
    std::atomic<std::uint64_t> m_matches{0};
    std::atomic<bool> m_cancel{false};
};

} // namespace hexmap
