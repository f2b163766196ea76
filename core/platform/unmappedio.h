#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace hexmap {

class Mapping;
enum class Advice;

// Internal: MappedFile's reads and writes for a Mapping that is not mapped (too large to map, see mapping.h):
// pread/pwrite on the mapping's descriptor, with the contracts of the mapped paths.
// Thread: any; the scratch buffers are thread_local.
namespace unmappedio {

// The largest piece written at once by fill() and MappedFile::generate (and the size of the fill buffer).
inline constexpr std::size_t kPiece = 1u << 20;

// pread of up to buffer.size() bytes at `offset` (retrying EINTR and short reads). Fewer bytes only when the file
// on disk ends first (another program cut it: the mapping's faulted() flag is then set, as the SIGBUS guard would)
// or on an I/O error. Returns the byte count; never fails otherwise.
std::size_t readAt(Mapping &mapping, std::uint64_t offset, std::span<std::byte> buffer);
// A thread_local buffer of `size` bytes, reused by the calling thread: valid until its next call. Never fails
// (std::bad_alloc aside).
std::span<std::byte> scratch(std::size_t size);
// pwrite all of `data` at `offset`, refused with Errc::FileTruncated (nothing written, faulted() set) when the file
// on disk is now shorter than offset + size: pwrite would regrow it. The check and the pwrite are not atomic (see
// MappedFile::writeThrough). Errors: that, errno from fstat/pwrite (a prefix may be written), naming the path.
Status writeAll(Mapping &mapping, std::uint64_t offset, std::span<const std::byte> data);
// Writes `value` over `range` in pieces of kPiece from a thread_local buffer; writeAll's errors.
Status fill(Mapping &mapping, ByteRange range, std::byte value);
// fdatasync (fsync for a block device): the whole file, so `range` is only checked by the caller. Fails with errno.
Status sync(const Mapping &mapping);
// posix_fadvise over `range`. Fails with errno.
Status advise(const Mapping &mapping, Advice advice, ByteRange range);

} // namespace unmappedio
} // namespace hexmap
