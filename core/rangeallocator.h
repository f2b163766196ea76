#pragma once

#include "core/writerange.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace hexmap {

// Hands out disjoint WriteRanges from one reserved region of a file, front to back. Each grant ends on a page
// boundary (its size rounded up to the page size) or at the region's end, so the last one may be short.
// Only MappedFile::allocator() makes one. Move-only.
// Thread: one thread at a time (move it to hand it over). To write from several threads, cut one token per thread
// and move each to its thread, as Job::create does.
class RangeAllocator {
public:
    RangeAllocator(RangeAllocator &&) noexcept = default;
    RangeAllocator &operator=(RangeAllocator &&) noexcept = default;
    RangeAllocator(const RangeAllocator &) = delete;
    RangeAllocator &operator=(const RangeAllocator &) = delete;

    // The next `size` bytes (rounded up to a page boundary, clamped at the end). Empty when the region is
    // exhausted or size is 0; never fails otherwise, whatever the size (no wrap, no overrun).
    std::optional<WriteRange> allocate(std::uint64_t size);

    ByteRange region() const;
    std::uint64_t remaining() const;

private:
    friend class MappedFile;
    RangeAllocator(std::shared_ptr<RangeClaim> claim, std::uint64_t pageSize);

    std::shared_ptr<RangeClaim> m_claim;
    std::uint64_t m_cursor = 0;
    std::uint64_t m_pageSize = 0;
};

} // namespace hexmap
