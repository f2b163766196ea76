#include "core/jobsnapshot.h"

namespace hexmap {

std::vector<ByteRange> JobSnapshot::doneRanges() const
{
    std::vector<ByteRange> out;
    for (const WorkerSnapshot &w : workers)
        if (w.bytesDone)
            out.push_back(w.doneRange());
    return out;
}

std::vector<ByteRange> JobSnapshot::syncedRanges() const
{
    std::vector<ByteRange> out;
    for (const WorkerSnapshot &w : workers)
        if (w.bytesSynced)
            out.push_back(w.syncedRange());
    return out;
}

const char *stateName(JobState state)
{
    switch (state) {
    case JobState::NotStarted: return "not started";
    case JobState::Running: return "running";
    case JobState::Succeeded: return "succeeded";
    case JobState::Cancelled: return "cancelled";
    case JobState::Failed: return "failed";
    }
    return "?";
}

const char *stateName(WorkerState state)
{
    switch (state) {
    case WorkerState::Pending: return "pending";
    case WorkerState::Running: return "running";
    case WorkerState::Paused: return "paused";
    case WorkerState::Syncing: return "syncing";
    case WorkerState::Done: return "done";
    case WorkerState::Cancelled: return "cancelled";
    case WorkerState::Failed: return "failed";
    }
    return "?";
}

} // namespace hexmap
