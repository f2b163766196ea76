#include "core/rangeallocator.h"

#include "core/rangeclaim.h"

namespace hexmap {

RangeAllocator::RangeAllocator(std::shared_ptr<RangeClaim> claim, std::uint64_t pageSize)
    : m_claim(std::move(claim)), m_cursor(m_claim->region().offset), m_pageSize(pageSize)
{
}

std::optional<WriteRange> RangeAllocator::allocate(std::uint64_t size)
{
    if (!m_claim)
        return std::nullopt;
    const ByteRange grant = m_claim->grantAt(m_cursor, size, m_pageSize);
    if (grant.isEmpty())
        return std::nullopt;
    m_cursor = grant.end();
    return WriteRange(m_claim, grant);
}

ByteRange RangeAllocator::region() const { return m_claim ? m_claim->region() : ByteRange{}; }

std::uint64_t RangeAllocator::remaining() const { return m_claim ? m_claim->region().end() - m_cursor : 0; }

} // namespace hexmap
