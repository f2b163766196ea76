#pragma once

#include "core/fileidentity.h"
#include "core/result.h"
#include "core/savelayout.h"
#include "core/shiftexecutor.h"

#include <cstdint>
#include <string>

namespace hexmap {

// Plain value; any thread.
struct ShiftSaveOptions {
    std::uint64_t chunkSize = std::uint64_t(64) << 10;  // bytes per step (and the one reused buffer, cache-resident)
    std::uint64_t directShiftMin = std::uint64_t(64) << 10; // shifts at least this far use chunks that never overlap
    bool journal = true;  // off only for benchmarks and tests: not crash-safe then
    bool durable = false; // also safe against power loss: two fdatasyncs per step (see the class comment)
    ShiftHook hook;       // tests: called at every ShiftPoint
};

// Plain value; any thread.
struct ShiftProgress {
    std::uint64_t bytesDone = 0;  // moved + written so far
    std::uint64_t bytesTotal = 0; // bytes to move + Memory/Fill bytes to write
    std::uint64_t stepsDone = 0;
    std::uint64_t stepCount = 0;
};

// What a finished (or stopped) run left behind. Plain value; any thread.
enum class ShiftOutcome {
    NotRun,    // run() not called yet
    Saved,     // the file is the new document, synced; no journal left
    Unchanged, // refused or failed (or cancelled) before any byte of the file changed: the file is as it was
    Pending,   // stopped part-way (I/O error, cancel): the committed journal is kept and the next open of the file
               // (any hexmap-cli command, `hexmap-cli recover`, the GUI) completes the save; when another program
               // changed the file's size mid-way (Errc::FileTruncated/FileChanged) recovery refuses it and says why
    Disturbed, // every byte was written and synced into the open file and its journal removed, but the path no longer
               // names it (renamed over or deleted) or another program changed its size during the save
};

// ShiftSave: makes a file equal a SaveLayout (inserted, deleted, moved bytes) in place, without a temporary copy,
// crash-safe through a journal (core/shiftjournal.h):
//  1. check: the file is still the one opened (`opened`: device, inode, size, mtime) and the layout is valid
//     (core/shiftplan.h); 2. journal the plan with every Memory/Fill byte, commit and sync it (and its directory);
//  3. check the file's identity again (the journal's sync is the long part), then grow it to max(old, new) + 1 byte
//     (ShiftPlan::workingSize()) with fallocate over everything that will be written (a full disk fails here:
//     the size is put back and the journal removed, no byte changed); 4. run the steps (core/shiftplan.h order),
//     then write Memory/Fill pieces, checking every 4 MiB and at the end that the size is still the working size
//     (another program cut or extended the file: stop), then truncate to the new size and fdatasync; 5. remove the
//     journal; 6. check
//     the path still names the file and its size is the new one (outcome Disturbed otherwise).
// Crash safety. A step whose destination does not overlap its own source is redone from the file after a crash:
// only that step can have touched its source (ShiftPlan's ordering), so it is appended a 32-byte Done record after
// it is written. A step that overlaps its own source (a shift shorter than the chunk, e.g. a 1-byte insert)
// destroys source bytes as it writes, so its whole source (the pre-image, at most one chunk) is journalled before
// it starts, in one of two alternating slots (the journal stays plan + 2 chunks long). Shifts of at least
// directShiftMin (64 KiB) use chunks no longer than the shift instead, so they journal nothing but Done records.
// Chunk size: 64 KiB by default. Measured on the 2-vCPU VM (1-byte insert into 1 GiB in the page cache, loaded
// machine): 64 KiB steps took 1.4-1.6 s (0.6 s system time), 128 KiB and more 2.0-3.0 s (1.3-1.5 s system): a
// buffer that stays in the CPU cache makes the read, the pre-image write and the move each a cache-resident copy.
// The pre-image costs one extra cached pwrite plus a CRC-32C of each step; see tests/bench/insert_vs_dd.sh.
// Every 16 MiB moved, writeback of the file is started (sync_file_range WRITE, no wait), so the final fdatasync
// finds less to write: 6 alternating runs each, 1-byte insert into 1 GiB, load 2.2-2.6: 0.86-2.44 s (median 1.3)
// with it, 1.04-3.49 s (median 1.7) without.
//  - kill -9, OOM kill, a crash (the page cache survives): guaranteed in every mode. The syscalls before the kill
//    are all visible after it, in order, so the last valid progress record names a step from which the save
//    completes exactly; recoverSaveJournal() does that on the next open.
//  - power loss / kernel crash: only with `durable`: the target is fdatasynced before each progress record and the
//    journal after it, so a record never reaches the disk before the data it vouches for (cost: two fdatasyncs
//    per step; with 8 MiB steps a 1-byte insert into 1 GiB took 2.3 s instead of 0.79 s, load 0.6-0.8; the
//    journal records it, so the recovery of such a save is durable too). Without it, a power cut during a save can leave a part-shifted file that the
//    journal cannot repair. Either way the journal is committed (synced) before the file is touched and removed
//    only after the final fdatasync.
// Threads: the moves are one ordered sequence of steps (each may overwrite the sources of earlier ones), written by
// one thread. Tried and dropped: reading step k+1 on a second thread while step k is written (safe, since no step
// writes over a later step's source) was slower on the 2-vCPU VM (2.9 s vs 2.6 s with 4 MiB steps; far slower with
// small steps), and several writers gain little: buffered writes to one file serialize on its inode lock (DESIGN §8).
// Thread: run() on one thread (it blocks); cancel(), progress() from any thread.
class ShiftSave {
public:
    // `fd`: the target open read-write (the caller holds its WriteLock and keeps other writers off); `path` names
    // it (and locates its journal); `opened`: its identity when the document was opened.
    ShiftSave(int fd, std::string path, FileIdentity opened, SaveLayout layout, ShiftSaveOptions options = {});

    // Does the save. Failure contract: Errc::FileChanged/FileReplaced/FileTruncated when the file changed since it
    // was opened (checked before and after the journal is committed: nothing written), or while the steps ran
    // (outcome() Pending), or by the time the save ended (outcome() Disturbed). Not seen (no syscall can make a size
    // change conditional): a cut in the microseconds between the second identity check and the grow (the grow
    // fills it back up with zeros), and an append between the last size check and the final truncate (cut away);
    // writes by another program that keep the size. Errc::InvalidArgument for a bad layout (nothing written), errno
    // naming the journal (nothing written) or the file and offset (ENOSPC when growing: nothing changed; EIO...:
    // outcome() Pending), Errc::Cancelled (outcome() says whether the file is Unchanged or Pending). Errors name the
    // file.
    Status run();
    void cancel() { m_counters.cancel.store(true); }
    ShiftProgress progress() const;
    ShiftOutcome outcome() const { return m_outcome; }
    const std::string &journalPath() const { return m_journalPath; }
    std::uint64_t newSize() const { return m_newSize; }

private:
    Status grow(std::uint64_t from, std::uint64_t to, std::uint64_t firstWrite);
    Status checkAfterSave();

    int m_fd;
    std::string m_path;
    FileIdentity m_opened;
    SaveLayout m_layout;
    ShiftSaveOptions m_options;
    ShiftCounters m_counters;
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<std::uint64_t> m_stepCount{0};
    ShiftOutcome m_outcome = ShiftOutcome::NotRun;
    std::string m_journalPath;
    std::uint64_t m_newSize = 0;
};

} // namespace hexmap
