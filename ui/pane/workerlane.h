#pragma once

#include "core/byterange.h"
#include "ui/pane/overviewmodel.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace hexmap {

// What the overview map's worker lane draws for the jobs of one file, as plain math (no painting):
//   - a running job that writes (Fill, Zero, Pattern): each worker's range pale in its colour, its written prefix
//     solid, over the whole lane width;
//   - a running job that only flushes or syncs: the same, but in a narrow strip at the lane's left edge, so it
//     never hides what earlier jobs wrote;
//   - a finished job that wrote: its written prefixes in the worker's colour fading (fade 0 -> 1) into the neutral
//     "written" colour the map draws under every byte jobs wrote; fully faded, it is no longer drawn;
//   - a finished flush or sync: nothing (the durability lane shows what it made durable).
// Thread: plain functions; any thread.
class WorkerLane {
public:
    struct Track {
        ByteRange range;
        std::uint64_t done = 0; // bytes of the range written (synced for a sync job), from its start
        int colorIndex = 0;
        bool running = false;
        bool writes = true;     // Fill / Zero / Pattern
        double fade = 0.0;      // finished jobs: 0 just finished .. 1 faded into "written"
    };
    enum class Kind { Assigned, Done };
    struct Bar {
        std::pair<int, int> rows; // pixel rows [first, second) of the model
        int colorIndex = 0;
        Kind kind = Kind::Assigned;
        double fade = 0.0;        // 0: the worker's colour, 1: the written colour
        bool narrow = false;      // flush / sync: the narrow strip
        bool startsHere = false;  // the worker's first byte is on the map (not cut off by a zoomed window)
    };

    // How far a job finished `msSinceFinish` ago has faded for a fade lasting `durationMs`: 0 at the finish, 1
    // from durationMs on, eased (smoothstep) between. A duration <= 0 fades at once.
    static double fadeAt(std::int64_t msSinceFinish, std::int64_t durationMs);
    // The bars to paint, in painting order (later on top).
    static std::vector<Bar> bars(const OverviewModel &model, std::span<const Track> tracks);
    // The width of the narrow strip for a lane `laneWidth` pixels wide (at least 2, at most a third).
    static int narrowWidth(int laneWidth);
};

} // namespace hexmap
