#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstdint>
#include <string>

struct stat;

namespace hexmap::deviceops {

// Internal: the block-device ioctls behind MappedFile, ScanSource and FileIdentity. Thread: any. Errors are errno
// values naming `path`.

struct Geometry {
    std::uint64_t size = 0;          // BLKGETSIZE64
    std::uint32_t logicalSector = 512;  // BLKSSZGET
    std::uint32_t physicalSector = 512; // BLKPBSZGET
    bool readOnly = false;           // BLKROGET
};

// Asks the device open on `fd` for its size, sector sizes and read-only flag. Fails with errno (ioctl).
Result<Geometry> geometry(int fd, const std::string &path);
// True when `path` opens read-only as a block device whose BLKROGET flag is set (never fails: false otherwise).
bool isReadOnlyDevice(const std::string &path);
// BLKGETSIZE64 alone (0 for a detached loop device). Fails with errno.
Result<std::uint64_t> size(int fd, const std::string &path);
// The error for EACCES on the block device `st` at `path`: Errc::DevicePermission with the context
// "PATH (device group 'GROUP')", GROUP being the node's owning group (getgrgid), "disk" when unknown.
Error permissionDenied(const struct stat &st, const std::string &path);
// Zeroes `range` of the device: the whole logical sectors inside it with BLKZEROOUT (release = false: the device
// writes zeros, or unmaps where it guarantees zeros) or fallocate PUNCH_HOLE | KEEP_SIZE (release = true: the
// kernel discards only where reads then return zeros, never falling back to writing; BLKDISCARD would not promise
// zeros), and the partial sectors at the ends with a buffered pwrite of zeros (the kernel reads, merges and
// writes the whole sector). Dirty cached pages of the range are written back first (sync_file_range): with dirty
// pages the kernel's invalidation fails with EBUSY while someone holds the device exclusively. Both ioctl and
// fallocate drop the range from the device's page cache, so a mapping reads the zeros afterwards. Fails with Errc::DeviceCannotDiscard (release on a device that cannot, EOPNOTSUPP),
// errno otherwise; errors name `path`.
Status zeroRange(int fd, const std::string &path, ByteRange range, std::uint32_t logicalSector, bool release);

} // namespace hexmap::deviceops
