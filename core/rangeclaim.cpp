#include "core/rangeclaim.h"

#include "core/mapping.h"

namespace hexmap {

RangeClaim::RangeClaim(std::shared_ptr<Mapping> mapping, ByteRange region)
    : m_mapping(std::move(mapping)), m_region(region)
{
}

RangeClaim::~RangeClaim()
{
    m_mapping->claims().release(m_region);
}

ByteRange RangeClaim::grantAt(std::uint64_t cursor, std::uint64_t request, std::uint64_t pageSize) const
{
    const std::uint64_t end = m_region.end();
    if (request == 0 || cursor >= end)
        return {cursor, 0};
    const std::uint64_t room = end - cursor;
    if (request >= room)
        return {cursor, room};
    // cursor + request < end here, so neither the sum nor the rounding below can overflow past `end`.
    const std::uint64_t wanted = cursor + request;
    const std::uint64_t rounded = (wanted + pageSize - 1) / pageSize * pageSize;
    return ByteRange::fromBounds(cursor, rounded < end ? rounded : end);
}

} // namespace hexmap
