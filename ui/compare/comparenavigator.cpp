#include "ui/compare/comparenavigator.h"

#include <algorithm>

namespace hexmap {

CompareNavigator::CompareNavigator(const CompareResult &result)
    : m_runs(result.runs), m_offsetA(result.offsetA), m_offsetB(result.offsetB)
{
}

std::uint64_t CompareNavigator::toB(std::uint64_t offsetA) const
{
    if (m_offsetB >= m_offsetA)
        return offsetA + (m_offsetB - m_offsetA);
    const std::uint64_t back = m_offsetA - m_offsetB;
    return offsetA > back ? offsetA - back : 0;
}

std::uint64_t CompareNavigator::toA(std::uint64_t offsetB) const
{
    if (m_offsetA >= m_offsetB)
        return offsetB + (m_offsetA - m_offsetB);
    const std::uint64_t back = m_offsetB - m_offsetA;
    return offsetB > back ? offsetB - back : 0;
}

std::uint64_t CompareNavigator::followerTop(bool fromA, std::uint64_t anchor, std::uint64_t top,
                                            std::uint64_t bytesPerRow) const
{
    bytesPerRow = std::max<std::uint64_t>(1, bytesPerRow);
    const std::uint64_t screenRow = anchor >= top ? anchor / bytesPerRow - top / bytesPerRow : 0;
    const std::uint64_t alignedRow = (fromA ? toB(anchor) : toA(anchor)) / bytesPerRow;
    return alignedRow > screenRow ? (alignedRow - screenRow) * bytesPerRow : 0;
}

std::optional<std::size_t> CompareNavigator::next(std::uint64_t offsetA) const
{
    const auto it = std::upper_bound(m_runs.begin(), m_runs.end(), offsetA,
                                     [](std::uint64_t o, const CompareRun &r) { return o < r.offset; });
    if (it == m_runs.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_runs.begin());
}

std::optional<std::size_t> CompareNavigator::previous(std::uint64_t offsetA) const
{
    const auto it = std::lower_bound(m_runs.begin(), m_runs.end(), offsetA,
                                     [](const CompareRun &r, std::uint64_t o) { return r.offset < o; });
    if (it == m_runs.begin())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_runs.begin()) - 1;
}

std::optional<std::size_t> CompareNavigator::at(std::uint64_t offsetA) const
{
    const auto it = std::upper_bound(m_runs.begin(), m_runs.end(), offsetA,
                                     [](std::uint64_t o, const CompareRun &r) { return o < r.offset; });
    if (it == m_runs.begin())
        return std::nullopt;
    const CompareRun &r = *(it - 1);
    if (offsetA < r.end())
        return static_cast<std::size_t>(it - m_runs.begin()) - 1;
    return std::nullopt;
}

std::vector<ByteRange> CompareNavigator::runsIn(ByteRange visibleA, std::size_t limit) const
{
    std::vector<ByteRange> out;
    // The first run ending after the visible start.
    auto it = std::lower_bound(m_runs.begin(), m_runs.end(), visibleA.offset,
                               [](const CompareRun &r, std::uint64_t o) { return r.end() <= o; });
    for (; it != m_runs.end() && it->offset < visibleA.end() && out.size() < limit; ++it)
        out.push_back({it->offset, it->length});
    return out;
}

} // namespace hexmap
