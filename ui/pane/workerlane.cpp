#include "ui/pane/workerlane.h"

#include <algorithm>

namespace hexmap {

double WorkerLane::fadeAt(std::int64_t msSinceFinish, std::int64_t durationMs)
{
    if (durationMs <= 0 || msSinceFinish >= durationMs)
        return 1.0;
    if (msSinceFinish <= 0)
        return 0.0;
    const double t = static_cast<double>(msSinceFinish) / static_cast<double>(durationMs);
    return t * t * (3.0 - 2.0 * t);
}

std::vector<WorkerLane::Bar> WorkerLane::bars(const OverviewModel &model, std::span<const Track> tracks)
{
    std::vector<Bar> out;
    if (!model.isValid())
        return out;
    for (const Track &t : tracks) {
        const ByteRange written{t.range.offset, std::min(t.done, t.range.size)};
        const auto doneRows = model.rowsOf(written);
        const bool hasDone = doneRows.second > doneRows.first;
        const bool starts = model.window().contains(t.range.offset);
        if (t.running) {
            const auto rangeRows = model.rowsOf(t.range);
            if (rangeRows.second > rangeRows.first)
                out.push_back({rangeRows, t.colorIndex, Kind::Assigned, 0.0, !t.writes, starts});
            if (hasDone)
                out.push_back({doneRows, t.colorIndex, Kind::Done, 0.0, !t.writes, starts});
        } else if (t.writes && t.fade < 1.0 && hasDone) {
            out.push_back({doneRows, t.colorIndex, Kind::Done, std::clamp(t.fade, 0.0, 1.0), false, starts});
        }
    }
    return out;
}

int WorkerLane::narrowWidth(int laneWidth)
{
    return std::max(2, std::min(laneWidth / 3, 8));
}

} // namespace hexmap
