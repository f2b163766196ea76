#pragma once

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
// BLKZEROOUT over [offset, offset + length) (both multiples of the logical sector size). Fails with errno.
Status zeroOut(int fd, const std::string &path, std::uint64_t offset, std::uint64_t length);
// fallocate PUNCH_HOLE | KEEP_SIZE on the device: the kernel discards only where reads then return zeros
// (BLKDISCARD would not promise that). EOPNOTSUPP becomes Errc::DeviceCannotDiscard. Fails with errno otherwise.
Status discardZeroes(int fd, const std::string &path, std::uint64_t offset, std::uint64_t length);

} // namespace hexmap::deviceops
