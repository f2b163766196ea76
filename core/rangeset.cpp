#include "core/rangeset.h"

#include <algorithm>

namespace hexmap {

void RangeSet::add(ByteRange range)
{
    if (range.isEmpty())
        return;
    std::uint64_t begin = range.offset;
    std::uint64_t end = range.end();
    // The first interval that could touch [begin, end): the one starting at or before begin.
    auto it = m_intervals.upper_bound(begin);
    if (it != m_intervals.begin()) {
        auto prev = std::prev(it);
        if (prev->second >= begin)
            it = prev;
    }
    while (it != m_intervals.end() && it->first <= end) {
        begin = std::min(begin, it->first);
        end = std::max(end, it->second);
        m_total -= it->second - it->first;
        it = m_intervals.erase(it);
    }
    m_intervals.emplace(begin, end);
    m_total += end - begin;
}

void RangeSet::remove(ByteRange range)
{
    if (range.isEmpty() || m_intervals.empty())
        return;
    const std::uint64_t begin = range.offset;
    const std::uint64_t end = range.end();
    auto it = m_intervals.upper_bound(begin);
    if (it != m_intervals.begin() && std::prev(it)->second > begin)
        --it;
    while (it != m_intervals.end() && it->first < end) {
        const std::uint64_t b = it->first;
        const std::uint64_t e = it->second;
        m_total -= e - b;
        it = m_intervals.erase(it);
        if (b < begin) {
            m_intervals.emplace(b, begin);
            m_total += begin - b;
        }
        if (e > end) {
            it = m_intervals.emplace(end, e).first;
            m_total += e - end;
            break;
        }
    }
}

void RangeSet::clear()
{
    m_intervals.clear();
    m_total = 0;
}

bool RangeSet::contains(std::uint64_t pos) const
{
    auto it = m_intervals.upper_bound(pos);
    if (it == m_intervals.begin())
        return false;
    --it;
    return pos < it->second;
}

bool RangeSet::contains(ByteRange range) const
{
    if (range.isEmpty())
        return false;
    auto it = m_intervals.upper_bound(range.offset);
    if (it == m_intervals.begin())
        return false;
    --it;
    return range.end() <= it->second;
}

bool RangeSet::intersects(ByteRange range) const
{
    if (range.isEmpty())
        return false;
    auto it = m_intervals.lower_bound(range.end());
    if (it == m_intervals.begin())
        return false;
    --it; // the last interval starting before range.end()
    return it->second > range.offset;
}

std::vector<ByteRange> RangeSet::ranges() const
{
    std::vector<ByteRange> out;
    out.reserve(m_intervals.size());
    for (const auto &[b, e] : m_intervals)
        out.push_back(ByteRange::fromBounds(b, e));
    return out;
}

std::vector<ByteRange> RangeSet::intersection(ByteRange range) const
{
    std::vector<ByteRange> out;
    if (range.isEmpty())
        return out;
    auto it = m_intervals.upper_bound(range.offset);
    if (it != m_intervals.begin() && std::prev(it)->second > range.offset)
        --it;
    for (; it != m_intervals.end() && it->first < range.end(); ++it) {
        const ByteRange part = ByteRange::fromBounds(it->first, it->second).intersected(range);
        if (!part.isEmpty())
            out.push_back(part);
    }
    return out;
}

} // namespace hexmap
