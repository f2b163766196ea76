#pragma once

#include "core/fileidentity.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hexmap {

class ShiftPlan;

// ShiftSlots: writes the progress records of a committed shift journal into its two slots (format:
// core/shiftjournalformat.h). Borrows the journal's descriptor (the ShiftJournal, or the recovery that holds it
// open). durable: fdatasync the journal after each record (power-loss ordering, see core/shiftsave.h).
// Plain value; one thread at a time.
class ShiftSlots {
public:
    ShiftSlots() = default;
    ShiftSlots(int fd, std::string path, std::uint64_t base, std::uint64_t stride, std::uint32_t planCrc,
               bool durable);
    bool isActive() const { return m_fd >= 0; }
    bool isDurable() const { return m_durable; }
    // Writes record (kind, step, payload) into slot step % 2. Failure contract: errno naming the journal
    // (ENOSPC, EIO...); the slot may then hold a torn record, which a reader ignores.
    Status write(std::uint32_t kind, std::uint64_t step, std::span<const std::byte> payload = {}) const;

private:
    int m_fd = -1;
    std::string m_path;
    std::uint64_t m_base = 0;
    std::uint64_t m_stride = 0;
    std::uint32_t m_planCrc = 0;
    bool m_durable = false;
};

// ShiftJournal: the journal of one insert/delete save (format: core/shiftjournalformat.h, location:
// core/journallocation.h, the same path and OFD lock as the save journal of that file). Usage: begin() ->
// writePlan() (plan + commit record, synced with its directory) -> progressSlots() records while the file is
// rewritten -> remove(). The lock is held for as long as this object lives, so a recovery in another process
// leaves a save in progress alone; the destructor closes without deleting (a crash leaves the journal for the
// next open). Move-only. Thread: one thread at a time.
class ShiftJournal {
public:
    ShiftJournal(ShiftJournal &&other) noexcept;
    ShiftJournal &operator=(ShiftJournal &&other) noexcept;
    ShiftJournal(const ShiftJournal &) = delete;
    ShiftJournal &operator=(const ShiftJournal &) = delete;
    ~ShiftJournal();

    // Creates the journal directory if needed and the journal of `target`, locked. Failure contract: errno naming
    // the journal or its directory (EACCES, ENOSPC, EROFS...); Errc::WriteLocked when another process holds it;
    // Errc::JournalPending when a journal of an earlier interrupted save is still there (it must be recovered
    // first: the next open does that). Nothing is left behind on failure except a directory it created.
    static Result<ShiftJournal> begin(const FileIdentity &target, const std::string &targetPath);

    // Writes the plan (with every Memory and Fill piece's bytes), syncs it, writes the commit record, syncs it and
    // the directory: from here on the next open of the file completes the save. Failure contract: errno naming the
    // journal; not committed then (call remove()).
    Status writePlan(const ShiftPlan &plan, const FileIdentity &target, const std::string &targetPath);
    // The progress slots of the committed plan (inactive before writePlan() succeeded).
    ShiftSlots progressSlots(bool durable) const;
    // Deletes the journal, syncs its directory, releases the lock. Failure contract: errno naming the journal (the
    // descriptor is closed in any case).
    Status remove();

    const std::string &path() const { return m_path; }
    bool isCommitted() const { return m_committed; }

private:
    ShiftJournal() = default;
    Status append(std::span<const std::byte> bytes);
    Status flush();
    void close();

    int m_fd = -1;
    std::string m_path;
    std::string m_directory;
    std::vector<std::byte> m_buffer;
    std::uint64_t m_written = 0; // plan bytes appended so far
    std::uint32_t m_crc = 0;     // CRC-32C of the plan so far
    std::uint64_t m_chunkSize = 0;
    bool m_committed = false;
};

} // namespace hexmap
