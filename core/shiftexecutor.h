#pragma once

#include "core/result.h"
#include "core/shiftjournal.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

namespace hexmap {

class ShiftPlan;

// Where an in-place save is when it calls its ShiftHook (tests, and the CLI's kill hook).
enum class ShiftPoint {
    BeforeWrite,   // step `step`: its source is read (and journalled when it overlaps), nothing of it written
    TornWrite,     // step `step`: the first half of its destination is written, the second half not yet
    AfterWrite,    // step `step`: written, its Done record not yet
    BeforeFinish,  // every step and Memory/Fill piece written; the Finished record not yet (step = stepCount)
    BeforeTruncate // the Finished record written; the final size not set yet (step = stepCount)
};
enum class ShiftHookAction { Continue, Crash }; // Crash: stop right there as if the process died (no clean-up)
using ShiftHook = std::function<ShiftHookAction(ShiftPoint point, std::uint64_t step)>;

// Copies `out.size()` bytes of Memory piece `piece` from offset `offset` in the piece (from the layout's buffers
// when saving, from the journal when recovering). Returns errno naming its source on failure.
using PieceBytesReader = std::function<Status(std::size_t piece, std::uint64_t offset, std::span<std::byte> out)>;

// Progress counters any thread may read while the owner runs a shift; cancel is checked between steps.
struct ShiftCounters {
    std::atomic<std::uint64_t> bytesDone{0};
    std::atomic<std::uint64_t> stepsDone{0};
    std::atomic<bool> cancel{false};
};

// What one run of the executor needs. Plain struct; the thread that runs the shift.
struct ShiftExecution {
    int fd = -1;            // the target, open read-write, already grown to plan->workingSize()
    std::string path;       // names the target in errors
    const ShiftPlan *plan = nullptr;
    ShiftSlots records;     // inactive: no journal (benchmarks and tests only)
    PieceBytesReader memory;
    ShiftHook hook;
    bool durable = false;   // fdatasync the target before every progress record (power-loss ordering)
    bool startWriteback = true; // start writeback every 16 MiB moved (sync_file_range WRITE: a hint, not a sync)
    ShiftCounters *counters = nullptr;
    // Set by runShift:
    bool crashed = false;   // the hook asked to stop as if the process died
    bool cancelled = false; // counters->cancel was seen between steps
};

// Runs the plan from step `nextStep` (0 for a new save). When `preImage` is not empty it is the journalled source of
// step nextStep, which is redone from it (recovery after that step was interrupted). `finished`: every byte is
// already written (recovery found the Finished record), only the final size and the sync are left.
// Order: steps (each: read source, journal pre-image if it overlaps, write, Done record) -> Memory/Fill pieces ->
// Finished record -> truncate to the new size -> fdatasync. Thread: the caller's (one thread).
// The file's size is checked every 4 MiB moved, after the last step and the Memory/Fill pieces, and before the final
// truncate: it must stay plan->workingSize() (or be plan->newSize() before the truncate), else another program cut
// or extended it during the save.
// Failure contract: errno naming the target or the journal and the offset (pread/pwrite/ftruncate/fdatasync:
// EIO, ENOSPC), Errc::FileTruncated (a short read, or the file became shorter) / Errc::FileChanged (it became
// longer) naming the target and the sizes, Errc::Cancelled when cancelled (x.cancelled) or crashed by the hook
// (x.crashed). The file may then be part-way: the journal (when active) completes it, unless another program changed
// its size (recovery then refuses, keeping the journal, and says why).
Status runShift(ShiftExecution &x, std::size_t nextStep, std::span<const std::byte> preImage, bool finished);

} // namespace hexmap
