#include "ui/compare/differenceindex.h"

#include <algorithm>

namespace hexmap {

void DifferenceIndex::append(std::span<const CompareRun> runs)
{
    // No reserve(size + n) here: called every poll, it would reallocate (and copy, and fault in fresh pages)
    // every time; push_back's geometric growth keeps appends amortised O(1).
    for (const CompareRun &r : runs) {
        m_runs.push_back(r);
        m_prefix.push_back(m_prefix.back() + r.length);
    }
}

void DifferenceIndex::clear()
{
    m_runs.clear();
    m_prefix.assign(1, 0);
}

float DifferenceIndex::share(ByteRange span) const
{
    if (span.isEmpty() || m_runs.empty())
        return 0.0f;
    // [first, last): the runs overlapping the span.
    const auto first = std::lower_bound(m_runs.begin(), m_runs.end(), span.offset,
                                        [](const CompareRun &r, std::uint64_t o) { return r.end() <= o; });
    const auto last = std::lower_bound(first, m_runs.end(), span.end(),
                                       [](const CompareRun &r, std::uint64_t o) { return r.offset < o; });
    if (first == last)
        return 0.0f;
    std::uint64_t bytes = m_prefix[std::size_t(last - m_runs.begin())] - m_prefix[std::size_t(first - m_runs.begin())];
    if (first->offset < span.offset) // the parts outside the span of the runs at its edges
        bytes -= span.offset - first->offset;
    if (const CompareRun &end = *(last - 1); end.end() > span.end())
        bytes -= end.end() - span.end();
    const float share = static_cast<float>(static_cast<double>(bytes) / static_cast<double>(span.size));
    return std::clamp(share, kTouched, 1.0f);
}

} // namespace hexmap
