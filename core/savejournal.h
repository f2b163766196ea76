#pragma once

#include "core/fileidentity.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hexmap {

// SaveJournal: writes the redo journal of one Save (format: core/savejournalformat.h; location:
// core/journallocation.h). Usage: begin() -> add() each range's new bytes -> commit() (durable) -> apply the
// ranges to the file and sync it -> remove(). A journal that was never committed is discarded by the next open
// (the file keeps its old bytes); a committed one is replayed (the file gets all the new bytes), see
// recoverSaveJournal(). The journal file is locked (an OFD write lock) for as long as this object lives, so a
// recovery in another process leaves a Save in progress alone. The destructor closes the journal without deleting
// it. Move-only. Thread: one thread at a time.
class SaveJournal {
public:
    SaveJournal(SaveJournal &&other) noexcept;
    SaveJournal &operator=(SaveJournal &&other) noexcept;
    SaveJournal(const SaveJournal &) = delete;
    SaveJournal &operator=(const SaveJournal &) = delete;
    ~SaveJournal();

    // Creates the journal directory if needed, creates (or replaces a stale, unlocked) journal for `target`
    // (device, inode, size) and writes its header with `targetPath` (made canonical). Failure contract: errno
    // naming the journal or its directory (EACCES, ENOSPC, EROFS, ENOTDIR...), Errc::WriteLocked when another
    // process holds the journal (it is saving the same file); Errc::JournalPending when the journal is an
    // interrupted insert/delete save's (core/shiftjournal.h), which must be completed first; nothing is left behind
    // on failure except a directory it created.
    static Result<SaveJournal> begin(const FileIdentity &target, const std::string &targetPath);

    // Appends one range's new bytes. Failure contract: errno naming the journal (ENOSPC, EIO...); the journal is
    // then unusable (call remove()).
    Status add(std::uint64_t offset, std::span<const std::byte> bytes);
    // Syncs the records, appends the commit record, syncs it and the journal's directory: from here on the next
    // open of the file replays the journal. Failure contract: errno naming the journal; not committed then.
    Status commit();
    // Deletes the journal, syncs its directory and releases the lock. Failure contract: errno naming the journal
    // (the lock is released and the descriptor closed in any case).
    Status remove();

    const std::string &path() const { return m_path; }
    bool isCommitted() const { return m_committed; }
    std::uint64_t recordCount() const { return m_records; }

private:
    SaveJournal() = default;
    Status writeBuffered(std::span<const std::byte> bytes);
    Status flush();
    Status writeAll(const std::byte *data, std::size_t size);
    void close();

    int m_fd = -1;
    std::string m_path;
    std::string m_directory;
    std::vector<std::byte> m_buffer;
    std::uint32_t m_chain = 0;
    std::uint64_t m_records = 0;
    bool m_committed = false;
};

} // namespace hexmap
