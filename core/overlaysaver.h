#pragma once

#include "core/byterange.h"
#include "core/fileidentity.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace hexmap {

class EditOverlay;
class MappedFile;

// The steps of a Save, in order; also where a Save stopped (SaveReport::stoppedAt).
enum class SaveStage {
    Check,   // writable, in bounds, no running job on the ranges, the file is still the one opened
    Reserve, // disk blocks reserved for every run (fallocate KEEP_SIZE): a full disk fails here
    Journal, // the redo journal written and committed (fsynced)
    Write,   // each run written with pwrite
    Sync,    // the written span synced (fdatasync through msync)
};

// What saveOverlay() did. ok() only when every edited byte was written with pwrite and synced.
// Plain value; any thread.
struct SaveReport {
    struct Failure {
        ByteRange range; // the run (or the synced span, or the journal's whole span) that failed
        Error error;
    };
    std::vector<Failure> failures;   // why the Save is incomplete; empty when ok()
    std::vector<ByteRange> written;  // runs written to the file (durable only when ok())
    std::uint64_t bytesWritten = 0;
    std::size_t runsWritten = 0;
    std::size_t syncCalls = 0;
    SaveStage stoppedAt = SaveStage::Check; // meaningful when !ok(): the step that failed
    FileChange fileChange = FileChange::None; // set when the Save was refused because the file changed on disk
    std::string journalPath;   // the journal used (empty without one)
    bool journalKept = false;  // a committed journal stays because the Save failed after writing began: the next
                               // open of the file completes it (the file becomes all-new)

    bool ok() const { return failures.empty(); }
    // "N range(s) failed: first message" or "" when ok.
    std::string summary() const;
};

// Fault injection for tests: called before each step (Reserve and Write with the run's range, Journal once with the
// span of all runs, Sync with the page-aligned synced span); a failed Status makes that step fail as if the system
// had returned it.
using SaveFaultHook = std::function<Status(SaveStage stage, ByteRange range)>;

// Plain value; any thread.
struct SaveOptions {
    bool journal = true; // write a redo journal first (atomic Save); off only for benchmarks and tests
    SaveFaultHook hook;
};

// Saves every run of `overlay` into `file`, atomically as a whole:
//  1. Check: refuses (nothing written) when the mapping is read-only (Errc::NotWritable, every run listed), a run
//     passes the end (Errc::OutOfBounds, those runs), a run overlaps a range reserved by a running job
//     (Errc::RangeBusy, those runs), or the file on disk is no longer the one opened (checkIdentity(): deleted or
//     replaced -> Errc::FileReplaced, truncated -> Errc::FileTruncated, grown or modified by another program ->
//     Errc::FileChanged; every run listed, fileChange says what happened).
//  2. Reserve: fallocate KEEP_SIZE for each run (holes only), so a full disk fails with ENOSPC before any byte of
//     the file is written (that run listed, nothing written).
//  3. Journal (options.journal): writes each run's new bytes and a commit record to the save journal
//     (core/savejournal.h) and syncs it; when that fails (ENOSPC, EACCES, EROFS... naming the journal) nothing
//     is written to the file.
//  4. Write: pwrite of each run (MappedFile::writeThrough; never through the mapping, so ENOSPC/EIO come back
//     as errors, not as SIGBUS); a failed run is listed and the others are still written.
//  5. Sync: one syncRange over the span of the written runs (an fdatasync of that span).
//  6. On success the journal is deleted; after any byte was written the file's identity is refreshed
//     (refreshIdentity) so Hexmap's own write is not taken for another program's.
// When writing or syncing failed, the committed journal is kept (journalKept): the next open of the file completes
// the Save. The overlay is not modified: the caller clears it when report.ok().
// Thread: any thread that owns the file's edits (the caller keeps other writers off these ranges).
// Failure contract: never throws; every failure is in report.failures (see above), and report.written lists
// exactly the runs that reached the file.
SaveReport saveOverlay(MappedFile &file, const EditOverlay &overlay, const SaveOptions &options);
inline SaveReport saveOverlay(MappedFile &file, const EditOverlay &overlay, const SaveFaultHook &hook = {})
{
    return saveOverlay(file, overlay, SaveOptions{true, hook});
}

} // namespace hexmap
