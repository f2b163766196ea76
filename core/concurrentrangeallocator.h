#pragma once

#include "core/writerange.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

namespace hexmap {

// Like RangeAllocator, but any number of threads may call allocate() at once: a compare-and-swap loop moves the
// cursor, which can neither pass the region's end nor wrap. Only MappedFile::concurrentAllocator() makes one.
// Thread: any (allocate/remaining are lock-free); not movable while shared, so hold it by reference or pointer.
class ConcurrentRangeAllocator {
public:
    ConcurrentRangeAllocator(const ConcurrentRangeAllocator &) = delete;
    ConcurrentRangeAllocator &operator=(const ConcurrentRangeAllocator &) = delete;

    // As RangeAllocator::allocate; empty once exhausted.
    std::optional<WriteRange> allocate(std::uint64_t size);

    ByteRange region() const;
    std::uint64_t remaining() const;

private:
    friend class MappedFile;
    ConcurrentRangeAllocator(std::shared_ptr<RangeClaim> claim, std::uint64_t pageSize);

    std::shared_ptr<RangeClaim> m_claim;
    std::atomic<std::uint64_t> m_cursor;
    std::uint64_t m_pageSize = 0;
};

} // namespace hexmap
