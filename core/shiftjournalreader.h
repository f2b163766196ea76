#pragma once

#include "core/result.h"
#include "core/savelayout.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hexmap {

// What a shift journal holds (format: core/shiftjournalformat.h), as read and checked by readShiftJournal().
// Plain value; any thread.
struct ShiftJournalContents {
    bool committed = false; // the plan and its commit record are whole and their checksums match
    std::string problem;    // why not committed
    std::uint64_t device = 0, inode = 0, oldSize = 0, newSize = 0, chunkSize = 0, directShiftMin = 0;
    std::string path;                          // the target's canonical path when the save began
    SaveLayout layout;                         // Memory pieces without bytes (see memoryPositions); Fill with pattern
    std::vector<std::uint64_t> memoryPositions; // per piece: where a Memory piece's bytes start in the journal
    std::uint64_t planLength = 0;
    std::uint32_t planCrc = 0;
    // The newest valid progress record (slotKind 0: none).
    std::uint32_t slotKind = 0;
    std::uint64_t slotStep = 0;
    std::uint64_t preImagePosition = 0; // PreImage: where its bytes start in the journal, and how many
    std::uint64_t preImageLength = 0;
};

// True when the journal open on `fd` starts with the shift journal's magic. Thread: any. Never fails (false).
bool isShiftJournal(int fd);

// Reads and checks the plan, its commit record and both progress slots of the journal open on `fd` (named
// `journalPath` in errors). Thread: any. Failure contract: errno (pread, fstat) naming the journal; damaged or
// incomplete content is not an error: committed is false and problem says what, or slotKind is 0.
Result<ShiftJournalContents> readShiftJournal(int fd, const std::string &journalPath);

} // namespace hexmap
