#pragma once

#include "core/comparerun.h"

#include <cstddef>
#include <mutex>
#include <span>
#include <vector>

namespace hexmap {

// The runs a running compare has already settled, handed from the engine's threads to an observer that shows
// them while the compare goes on (the compare window's overview maps). The engine pushes each run once, in file
// order, only when no later unit can still extend it (CompareEngine::run), so what an observer has taken is
// always a prefix of the final result's runs; the last run (which may still grow) arrives only with the result.
// take() hands over what arrived since the last take() (the feed does not keep it): memory stays bounded by what
// arrived between two polls, and the two buffers swap, keeping their capacity (no fresh pages per poll). Thread: any; push() and take() may run concurrently (one mutex, held briefly).
class CompareRunFeed {
public:
    // Engine side: appends `runs` (in file order, after every run pushed before). Never fails (may throw
    // std::bad_alloc like any vector).
    void push(std::span<const CompareRun> runs)
    {
        const std::lock_guard lock(m_mutex);
        m_pending.insert(m_pending.end(), runs.begin(), runs.end());
    }

    // Observer side: replaces `out`'s content with the runs pushed since the last take(), in order (empty when
    // none); `out`'s old buffer becomes the feed's, so polling with the same vector allocates nothing.
    void take(std::vector<CompareRun> &out)
    {
        out.clear();
        const std::lock_guard lock(m_mutex);
        out.swap(m_pending);
    }
    std::vector<CompareRun> take()
    {
        std::vector<CompareRun> out;
        take(out);
        return out;
    }

    // Forgets what was pushed and not taken (before a new compare starts on this feed).
    void clear()
    {
        const std::lock_guard lock(m_mutex);
        m_pending.clear();
    }

private:
    std::mutex m_mutex;
    std::vector<CompareRun> m_pending;
};

} // namespace hexmap
