#pragma once

#include "core/journalrecovery.h"

#include <string>

namespace hexmap {

// Completes (or discards) the insert/delete save whose shift journal is open and locked on `journalFd` (found by
// recoverSaveJournal() for the file at `path`; `r` carries its filePath and journalPath). Uncommitted: the journal
// is deleted and the file was never touched (Discarded). Committed: when the journal names this file (device,
// inode, canonical path) and the file's size is one the save can have left (old size, grown size, or the new size
// once every byte was written), the save is run on from its newest progress record (core/shiftexecutor.h), the
// file is synced and the journal deleted (Replayed, insertDelete). It takes the file's WriteLock for that: another
// process writing the file gives Busy (kept). Otherwise Refused (kept) or Failed (kept, the reason says why). Thread: any. Failure contract: never fails as such; problems are outcomes with reason set.
JournalRecovery recoverShiftJournal(JournalRecovery r, const std::string &path, int journalFd);

} // namespace hexmap
