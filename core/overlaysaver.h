#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace hexmap {

class EditOverlay;
class MappedFile;

// What saveOverlay() did. ok() only when every edited byte was written through the mapping and synced.
// Plain value; any thread.
struct SaveReport {
    struct Failure {
        ByteRange range; // an overlay run (write failure) or a page-aligned sync span (sync failure)
        Error error;
    };
    std::vector<Failure> failures;
    std::uint64_t bytesWritten = 0; // bytes copied into the mapping (written, not necessarily durable)
    std::size_t runsWritten = 0;
    std::size_t syncCalls = 0;

    bool ok() const { return failures.empty(); }
    // "N range(s) failed: first message" or "" when ok.
    std::string summary() const;
};

// Fault injection for tests: called before each write (stage Write, with the run's range) and each sync (stage
// Sync, with the page-aligned span); a failed Status makes that step fail as if the engine had returned it.
enum class SaveStage { Write, Sync };
using SaveFaultHook = std::function<Status(SaveStage stage, ByteRange range)>;

// Sync spans: runs whose page-aligned extents are closer than this are synced with one syncRange call.
inline constexpr std::uint64_t kSaveSyncMergeGap = 1u << 20;

// Writes every run of `overlay` into `file` (writeAllAt), then syncs the written runs with syncRange, merging runs
// into page-aligned spans (gap <= kSaveSyncMergeGap) so 100 000 scattered edits do not cost 100 000 syncs. Nothing
// outside the overlay's runs is written. Does not modify the overlay: the caller clears it when report.ok().
// Thread: any thread that may write the file's mapping (the caller keeps others off these ranges).
// Failure contract: never throws. When any run overlaps a range reserved by a running job (MappedFile::isReserved),
// nothing is written and those runs are listed with Errc::RangeBusy. Otherwise it never stops early; every run that could not be written (Errc::NotWritable for a
// read-only mapping, Errc::OutOfBounds for a run past the end, a hook error) and every span whose sync failed
// (errno, e.g. EIO) is listed in failures; a run whose write failed is not synced. Bytes of runs that were written
// stay in the mapping (they may reach the disk later even when their sync failed).
SaveReport saveOverlay(MappedFile &file, const EditOverlay &overlay, const SaveFaultHook &hook = {});

} // namespace hexmap
