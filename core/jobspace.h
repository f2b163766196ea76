#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hexmap {

// The disk space one Fill/Pattern worker takes before it writes, and gives back when it stops early.
// reserve() records which parts of the worker's range are holes (no block at all, not even a preallocated or a
// delayed one: FIEMAP) and allocates exactly those (fallocate KEEP_SIZE: a full disk fails up front, the size
// never changes). giveBack() punches (PUNCH_HOLE | KEEP_SIZE) the whole blocks of those holes from a given offset
// on: blocks the worker reserved but did not write. Bytes that were data before the job, and bytes before that
// offset (which the worker may have written), are never punched.
// It works on a descriptor of its own, opened by the file's path and used only when it names the mapped inode
// (device and inode number equal to MappedFile::identity()); otherwise reserve() falls back to
// MappedFile::reserve over the whole range, without a record and so without giving back (docs/RELIABILITY.md).
// On a block device it does nothing (every block exists; punching would discard the device's data).
// Thread: one worker thread (not shared).
class JobSpace {
public:
    // At most this many holes are recorded per range; the part of the range past them is not reserved.
    static constexpr std::size_t kMaxHoles = 1 << 16;

    JobSpace() = default;
    ~JobSpace();
    JobSpace(const JobSpace &) = delete;
    JobSpace &operator=(const JobSpace &) = delete;

    // Records the holes of `range` and reserves their blocks. On failure (ENOSPC naming the file, any errno) the
    // blocks reserved so far are given back before it returns. Call once.
    Status reserve(MappedFile &file, ByteRange range);
    // Gives back the reserved blocks at or after `from` (rounded up to a filesystem block). Never fails: a punch
    // that fails leaves its blocks allocated (reads still zero). Idempotent.
    void giveBack(std::uint64_t from);
    // Bytes of holes reserved (whole range of each hole), for tests and diagnostics.
    std::uint64_t reservedBytes() const;
    // After a write fault that was not a truncation: ENOSPC when the filesystem has no block left for us, else EIO;
    // the error names the file.
    Error faultError(const MappedFile &file) const;

private:
    bool openOwnDescriptor(const MappedFile &file);

    int m_fd = -1;
    std::string m_path;
    std::uint64_t m_block = 4096;
    std::vector<ByteRange> m_reserved; // holes (clipped to the range) whose blocks this worker allocated
};

} // namespace hexmap
