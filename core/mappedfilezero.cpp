// MappedFile::zero: fallocate over the stretches that hold data, stores (or pwrite, unmapped) where fallocate is
// unsupported.
#include "core/mappedfile.h"

#include "core/mapping.h"
#include "core/platform/fileops.h"
#include "core/platform/unmappedio.h"

#include <cstring>

namespace hexmap {

namespace {

// memset of the stretches of `range` that hold data (SEEK_DATA): a hole (or an unwritten extent) reads as zero
// already, and a store into it would allocate its block. Unmapped: pwrite of zeros instead (writeAll's errors).
Status zeroDataBytes(Mapping &mapping, ByteRange range)
{
    for (std::uint64_t pos = range.offset; pos < range.end();) {
        const ByteRange data = fileops::nextData(mapping, ByteRange::fromBounds(pos, range.end()));
        if (data.isEmpty())
            return {};
        if (!mapping.isMapped()) {
            if (auto s = unmappedio::fill(mapping, data, std::byte{0}); !s)
                return s;
        } else {
            std::memset(mapping.base() + data.offset, 0, data.size);
        }
        pos = data.end();
    }
    return {};
}

// Zeroes `range` with one fallocate: ZERO_RANGE keeps the blocks allocated, PUNCH_HOLE releases them, both with
// KEEP_SIZE. Unaligned ends are fine: the filesystem zeroes the partial blocks in place, and only those that have
// a block (a store through the mapping would fault the whole page in and, with blocks smaller than a page,
// allocate its other blocks). memset of the data bytes where fallocate is unsupported.
Status zeroStretch(Mapping &mapping, ByteRange range, ZeroMode mode)
{
    auto s = fileops::zeroBlocks(mapping, range, mode == ZeroMode::ReleaseSpace);
    if (s.ok())
        return {};
    if (s.code() != std::errc::operation_not_supported && s.code() != std::errc::function_not_supported)
        return s;
    return zeroDataBytes(mapping, range);
}

} // namespace

Status MappedFile::zero(ByteRange range, ZeroMode mode)
{
    if (auto s = checkWritable(); !s)
        return s;
    if (auto s = checkRange(range); !s)
        return s;
    // Zeroing never allocates: holes (and unwritten extents) already read as zero. ReleaseSpace punches the whole
    // range (that frees preallocated blocks too and never allocates one); KeepSpace zeroes only the stretches that
    // hold data (SEEK_DATA), in place (ZERO_RANGE keeps their blocks).
    if (range.isEmpty())
        return {};
    if (mode == ZeroMode::ReleaseSpace)
        return zeroStretch(*m_mapping, range, mode);
    for (std::uint64_t pos = range.offset; pos < range.end();) {
        const ByteRange data = fileops::nextData(*m_mapping, ByteRange::fromBounds(pos, range.end()));
        if (data.isEmpty())
            return {};
        if (auto s = zeroStretch(*m_mapping, data, mode); !s)
            return s;
        pos = data.end();
    }
    return {};
}

} // namespace hexmap
