#pragma once

#include "core/byterange.h"
#include "core/piecesnapshot.h"
#include "core/result.h"
#include "core/scanconsumer.h"
#include "core/scanengine.h"
#include "core/scanprogress.h"
#include "core/scansource.h"

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace hexmap {

// One ScanEngine::run() on a std::thread of its own, for front ends with an event loop (ScanWatcher polls it).
// Owns its consumers, so their results outlive the thread; the document is an immutable piece-table version taken at
// start, so later edits in the GUI never race with the scan.
// Thread: start(), wait(), status() and the destructor from the owning thread; progress(), isFinished() and
// cancel() from any thread. The destructor cancels and joins (within one unit: a few ms).
class ScanRun {
public:
    ScanRun() = default;
    ~ScanRun();
    ScanRun(const ScanRun &) = delete;
    ScanRun &operator=(const ScanRun &) = delete;

    // Starts the scan of `range` of `document` (the document the user sees, over `source`, opened by the caller;
    // document offsets), or of the file `source` as it is when there is no document.
    // Never fails: the scan's failure (Errc::OutOfBounds, Errc::FileTruncated naming the offset,
    // Errc::Cancelled...) arrives through status() once isFinished(); a thread that cannot start gives the
    // std::system_error's code at once (isFinished() true on return).
    void start(ScanSource source, ByteRange range, std::optional<PieceSnapshot> document,
               std::vector<std::unique_ptr<ScanConsumer>> consumers, unsigned threads = 0);

    ScanProgressSnapshot progress() const { return m_progress.snapshot(); }
    void cancel() { m_progress.requestCancel(); }
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished.load(std::memory_order_acquire); }
    void wait();
    // After isFinished() or wait(): the scan's outcome. Never fails itself.
    const Status &status() const { return m_status; }
    // The consumers, in the order given to start(); their results are meaningful when status() is ok.
    const std::vector<std::unique_ptr<ScanConsumer>> &consumers() const { return m_consumers; }

private:
    ScanProgress m_progress;
    std::vector<std::unique_ptr<ScanConsumer>> m_consumers;
    Status m_status;
    std::atomic<bool> m_finished{false};
    bool m_started = false;
    std::thread m_thread;
};

} // namespace hexmap
