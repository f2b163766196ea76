#pragma once

#include "core/byterange.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace hexmap {

enum class JobState { NotStarted, Running, Succeeded, Cancelled, Failed };
enum class WorkerState { Pending, Running, Paused, Syncing, Done, Cancelled, Failed };

// One worker's progress. Each worker handles its range front to back, so the written bytes are exactly the
// prefix [range.offset, range.offset + bytesDone) and the durable ones exactly [range.offset, + bytesSynced).
struct WorkerSnapshot {
    ByteRange range;
    std::uint64_t bytesDone = 0;   // written (Fill/Zero/Pattern), writeback started (Flush), durable (Sync)
    std::uint64_t bytesSynced = 0; // made durable by msync (Sync jobs and the syncWhenDone pass)
    WorkerState state = WorkerState::Pending;

    ByteRange doneRange() const { return {range.offset, bytesDone}; }
    ByteRange syncedRange() const { return {range.offset, bytesSynced}; }
};

// A consistent-enough copy of a job's progress (each counter is exact when read; counters keep moving while
// the job runs). Plain value; any thread.
struct JobSnapshot {
    JobState state = JobState::NotStarted;
    ByteRange range;
    std::vector<WorkerSnapshot> workers;
    std::uint64_t totalBytes = 0;
    std::uint64_t totalDone = 0;
    std::uint64_t totalSynced = 0;
    std::chrono::nanoseconds elapsed{0};
    double bytesPerSecond = 0;                      // totalDone / elapsed
    std::optional<std::chrono::nanoseconds> eta;    // while running, once the rate is known
    std::error_code error;                          // Failed: the first error; Cancelled: Errc::Cancelled
    std::string message;                            // Failed: the first error's message

    bool isFinished() const
    {
        return state == JobState::Succeeded || state == JobState::Cancelled || state == JobState::Failed;
    }
    double fraction() const { return totalBytes ? static_cast<double>(totalDone) / static_cast<double>(totalBytes) : 0; }
    // The ranges whose bytes are written (resp. durable), in file order, empty ones left out.
    std::vector<ByteRange> doneRanges() const;
    std::vector<ByteRange> syncedRanges() const;
};

const char *stateName(JobState state);
const char *stateName(WorkerState state);

} // namespace hexmap
