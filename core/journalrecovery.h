#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace hexmap {

// What recoverSaveJournal() found and did.
enum class JournalOutcome {
    None,      // no journal for this file (the common case)
    Replayed,  // a committed journal was applied: the file now holds every byte of the interrupted Save
    Discarded, // an uncommitted or damaged journal was deleted: the file keeps its old bytes
    Refused,   // a committed journal whose header does not match the file (size or path): not applied, kept
    Busy,      // another process holds the journal: a Save of this file is in progress there; left alone
    Failed,    // a committed journal could not be applied (no write permission, read-only disk, I/O error): kept
};

// Plain value; any thread.
struct JournalRecovery {
    JournalOutcome outcome = JournalOutcome::None;
    std::string filePath;    // as given
    std::string journalPath; // empty for None
    std::uint64_t ranges = 0; // Replayed: ranges and bytes written
    std::uint64_t bytes = 0;
    std::string reason;       // Discarded / Refused / Failed: why, in English
    bool insertDelete = false; // the journal was an insert/delete (shift) save's (core/shiftrecovery.h): Replayed
                               // then means the save was completed; ranges = steps run, bytes = bytes moved and
                               // written. The file's size may have changed: reopen/remap it.
    std::uint64_t oldSize = 0; // insertDelete: the file's size before the save and the document's (new) size
    std::uint64_t newSize = 0;
    bool happened() const { return outcome != JournalOutcome::None; }
    // True when the file may hold a mix of old and new bytes (a committed journal is still pending).
    bool leavesFilePending() const { return outcome == JournalOutcome::Refused || outcome == JournalOutcome::Failed; }
    // One English line for the CLI and logs, e.g. "Completed an interrupted save of t.bin from its journal
    // (24 ranges, 72 MiB)". Empty for None.
    std::string message() const;
};

// Looks for the save journal of the file at `path` (core/journallocation.h) and deals with it: a committed journal
// is replayed into the file (pwrite + fdatasync) and deleted; an uncommitted or damaged one is deleted without
// touching the file. An insert/delete save's journal (same place, told apart by its magic) is completed by
// recoverShiftJournal() (core/shiftrecovery.h): the file becomes exactly the new document. A committed journal is applied only when the file's device and inode (the journal's name),
// size and canonical path match its header; otherwise it is kept (Refused). Call it before a file is opened (or
// at least before it is shown or written). Thread: any; processes coordinate through the journal's lock.
// A block device (a Save of edits to a device opened with OpenMode::ReadWriteDevice) is handled the same way: its
// journal lives in the journal directory like a file's (never beside the device in /dev), named after the device
// node's device and inode; its size is BLKGETSIZE64; and a journal is never applied while the device, one of its
// partitions is mounted or held (Refused, reason names the mount point).
// Failure contract: never fails as such; problems are outcomes (Failed, Refused, Busy) with reason set. A path that
// does not exist or is neither a regular file nor a block device gives None (opening it reports its own error).
JournalRecovery recoverSaveJournal(const std::string &path);

} // namespace hexmap
