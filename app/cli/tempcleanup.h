#pragma once

#include <csignal>
#include <iterator>

namespace hexmap::cli {

// For its lifetime: SIGINT/SIGTERM/SIGHUP remove the temporary files being built (the createtemp registry: create's
// new file, export's copy; the target is not touched until their rename), print `message` on stderr when one was
// removed, and die of the same signal (the shell reports 128 + signal, 130 for Ctrl+C). The previous actions are
// restored afterwards. `message` must have static storage (the handler is async-signal-safe: write and raise only).
// Thread: the main thread only; one at a time.
class TempCleanupOnSignal {
public:
    explicit TempCleanupOnSignal(const char *message);
    ~TempCleanupOnSignal();
    TempCleanupOnSignal(const TempCleanupOnSignal &) = delete;
    TempCleanupOnSignal &operator=(const TempCleanupOnSignal &) = delete;

private:
    static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction m_previous[std::size(kSignals)] {};
};

} // namespace hexmap::cli
