#include "core/claimregistry.h"

namespace hexmap {
namespace {

bool overlapsAny(const std::map<std::uint64_t, std::uint64_t> &regions, ByteRange region)
{
    auto it = regions.upper_bound(region.offset);
    if (it != regions.begin() && std::prev(it)->second > region.offset)
        return true;
    return it != regions.end() && it->first < region.end();
}

} // namespace

bool ClaimRegistry::tryClaim(ByteRange region)
{
    if (region.isEmpty())
        return false;
    std::lock_guard lock(m_mutex);
    if (overlapsAny(m_regions, region))
        return false;
    m_regions.emplace(region.offset, region.end());
    return true;
}

void ClaimRegistry::release(ByteRange region)
{
    std::lock_guard lock(m_mutex);
    m_regions.erase(region.offset);
}

bool ClaimRegistry::isClaimed(ByteRange region) const
{
    std::lock_guard lock(m_mutex);
    return overlapsAny(m_regions, region);
}

std::vector<ByteRange> ClaimRegistry::claimed() const
{
    std::lock_guard lock(m_mutex);
    std::vector<ByteRange> out;
    out.reserve(m_regions.size());
    for (const auto &[begin, end] : m_regions)
        out.push_back(ByteRange::fromBounds(begin, end));
    return out;
}

} // namespace hexmap
