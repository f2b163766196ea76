#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>

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
// size), over `range`, which the caller aligned to the filesystem block size. EOPNOTSUPP means "do it with memset".
Status zeroBlocks(const Mapping &mapping, ByteRange range, bool release);
// fallocate KEEP_SIZE over `range` (never changes the size; posix_fallocate, clipped to the size on disk, where
// fallocate is unsupported), skipped when SEEK_HOLE finds no hole inside it (blocks already allocated: the common
// case of overwriting an existing file, where fallocate would still walk every extent).
Status reserveBlocks(const Mapping &mapping, ByteRange range);
// pwrite all of `data` at `offset` through the page cache (retrying EINTR and short writes). The file's mapping
// shares that page cache, so it sees the bytes at once. Errors: errno (ENOSPC, EIO, EFBIG...).
Status writeBlocks(const Mapping &mapping, std::uint64_t offset, const std::byte *data, std::size_t size);
// The file's current size on disk (fstat), or errno.
Result<std::uint64_t> sizeOnDisk(const Mapping &mapping);
// The filesystem block size of the file (st_blksize), at least 512.
std::uint64_t blockSize(const Mapping &mapping);

} // namespace fileops
} // namespace hexmap
