#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hexmap {

class Mapping;
enum class Advice;

// Internal: the POSIX/Linux system calls behind MappedFile, kept out of public headers.
// Thread: any. Each returns errno values (std::system_category) on failure, with the file path as context.
namespace fileops {

std::uint64_t pageSize();
// msync(MS_SYNC) over `range` widened to page boundaries.
Status syncPages(const Mapping &mapping, ByteRange range);
// Starts writeback of `range` (sync_file_range WRITE), without waiting.
Status startWriteback(const Mapping &mapping, ByteRange range);
Status advise(const Mapping &mapping, Advice advice, ByteRange range);
Status populateWrite(const Mapping &mapping, ByteRange range);
// fallocate ZERO_RANGE (release=false) or PUNCH_HOLE (release=true), both with KEEP_SIZE (never changes the
// size), over `range`; unaligned ends are zeroed in place by the filesystem (only blocks that exist). EOPNOTSUPP
// means "do it with memset". On a block device: deviceops::zeroRange (BLKZEROOUT, or discard for release).
Status zeroBlocks(const Mapping &mapping, ByteRange range, bool release);
// fallocate KEEP_SIZE over `range` (never changes the size), skipped when SEEK_HOLE finds no hole inside it (blocks
// already allocated: the common case of overwriting an existing file, where fallocate would still walk every
// extent). Where fallocate is unsupported nothing is reserved and it succeeds: glibc's posix_fallocate emulation
// writes a byte per block with pwrite, which regrows a file cut in the meantime (writes then allocate lazily).
Status reserveBlocks(const Mapping &mapping, ByteRange range);
// The first stretch of data at or after range.offset inside `range` (SEEK_DATA, then SEEK_HOLE): holes and
// unwritten extents without cached data read as zeros and are skipped. Empty (offset = range.end()) when the rest
// of the range is a hole. Where SEEK_DATA is unsupported (or fails) the whole rest counts as data.
ByteRange nextData(const Mapping &mapping, ByteRange range);
// pwrite all of `data` at `offset` through the page cache (retrying EINTR and short writes). The file's mapping
// shares that page cache, so it sees the bytes at once. Errors: errno (ENOSPC, EIO, EFBIG...).
Status writeBlocks(const Mapping &mapping, std::uint64_t offset, const std::byte *data, std::size_t size);
// The file's current size on disk (fstat; BLKGETSIZE64 for a device), or errno.
Result<std::uint64_t> sizeOnDisk(const Mapping &mapping);
// The filesystem block size of the file (st_blksize), at least 512.
std::uint64_t blockSize(const Mapping &mapping);

// ---- On a descriptor of its own (JobSpace): errors name `path` ----

// The holes of `range`: stretches without any disk block, not even an unwritten (preallocated) or delayed one,
// from FIEMAP (SEEK_HOLE/SEEK_DATA where FIEMAP is unsupported, e.g. tmpfs, whose preallocated pages count as
// data there). Sorted, disjoint, clipped to `range`. At most `maxHoles`: `*complete` (when given) is set to the
// offset up to which the list is complete (range.end() unless the limit was hit). Fails with errno (ioctl/lseek).
Result<std::vector<ByteRange>> listHoles(int fd, const std::string &path, ByteRange range, std::size_t maxHoles,
                                         std::uint64_t *complete = nullptr);
// fallocate KEEP_SIZE over `range` (retrying EINTR): blocks for a hole, never a change of size. Fails with errno:
// ENOSPC (blocks allocated before the failure stay allocated: the caller punches them), EOPNOTSUPP...
Status allocateKeepSize(int fd, const std::string &path, ByteRange range);
// fallocate PUNCH_HOLE | KEEP_SIZE over `range` (block-aligned by the caller). Fails with errno.
Status punchHole(int fd, const std::string &path, ByteRange range);

} // namespace fileops
} // namespace hexmap
