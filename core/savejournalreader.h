#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hexmap {

// What a save journal holds (format: core/savejournalformat.h), as read and checked by readSaveJournal().
// Plain value; any thread.
struct SaveJournalContents {
    struct Record {
        std::uint64_t offset = 0;      // in the target file
        std::uint64_t length = 0;
        std::uint64_t dataPosition = 0; // where the new bytes start in the journal
    };
    bool headerValid = false;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::string path;            // the target's canonical path when the journal was written
    std::vector<Record> records; // the records before the first damaged or incomplete one
    bool committed = false;      // a valid commit record follows every record
    std::string problem;         // why it is not committed ("incomplete record at byte 4096", ...)
    std::uint64_t byteCount() const;
};

// Reads and checks every checksum of the journal open on `fd` (named `journalPath` in errors), streaming the new
// bytes through a 1 MiB buffer. Thread: any. Failure contract: errno (pread, fstat) naming the journal; damaged
// or incomplete content is not an error: committed is then false and problem says what was wrong.
Result<SaveJournalContents> readSaveJournal(int fd, const std::string &journalPath);

// Writes every record of `contents` (read from `journalFd`) into `targetFd` with pwrite, then fdatasync()s the
// target. Thread: any. Failure contract: errno naming the journal (read) or `targetPath` (write, sync: ENOSPC,
// EIO); some records may then be written, and the journal must be kept for another attempt.
Status replaySaveJournal(int journalFd, const std::string &journalPath, const SaveJournalContents &contents,
                         int targetFd, const std::string &targetPath);

} // namespace hexmap
