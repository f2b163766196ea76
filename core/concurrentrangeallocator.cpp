#include "core/concurrentrangeallocator.h"

#include "core/rangeclaim.h"

namespace hexmap {

ConcurrentRangeAllocator::ConcurrentRangeAllocator(std::shared_ptr<RangeClaim> claim, std::uint64_t pageSize)
    : m_claim(std::move(claim)), m_cursor(m_claim->region().offset), m_pageSize(pageSize)
{
}

std::optional<WriteRange> ConcurrentRangeAllocator::allocate(std::uint64_t size)
{
    std::uint64_t cursor = m_cursor.load(std::memory_order_relaxed);
    ByteRange grant;
    do {
        grant = m_claim->grantAt(cursor, size, m_pageSize);
        if (grant.isEmpty())
            return std::nullopt;
    } while (!m_cursor.compare_exchange_weak(cursor, grant.end(), std::memory_order_acq_rel,
                                             std::memory_order_relaxed));
    return WriteRange(m_claim, grant);
}

ByteRange ConcurrentRangeAllocator::region() const { return m_claim->region(); }

std::uint64_t ConcurrentRangeAllocator::remaining() const
{
    return m_claim->region().end() - m_cursor.load(std::memory_order_acquire);
}

} // namespace hexmap
