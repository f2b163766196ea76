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
// fallocate ZERO_RANGE (release=false) or PUNCH_HOLE|KEEP_SIZE (release=true) over `range`, which the caller
// aligned to the filesystem block size. EOPNOTSUPP means "do it with memset".
Status zeroBlocks(const Mapping &mapping, ByteRange range, bool release);
Status reserveBlocks(const Mapping &mapping, ByteRange range);
// The filesystem block size of the file (st_blksize), at least 512.
std::uint64_t blockSize(const Mapping &mapping);

} // namespace fileops
} // namespace hexmap
