#include "core/compareplanner.h"

#include <algorithm>

namespace hexmap {

ComparePlanner::ComparePlanner(const DocumentSource &a, std::uint64_t offsetA, const DocumentSource &b,
                               std::uint64_t offsetB, std::uint64_t length, std::size_t chunkSize)
    : m_length(length), m_chunk(std::max<std::size_t>(chunkSize, 1))
{
    m_a.source = &a;
    m_a.offset = offsetA;
    m_b.source = &b;
    m_b.offset = offsetB;
}

bool ComparePlanner::refresh(Side &side)
{
    if (side.until > m_cursor)
        return true;
    const std::uint64_t at = side.offset + m_cursor;
    const std::uint64_t end = side.offset + m_length;
    auto stretch = side.source->stretchAt(at, end, "compare");
    if (!stretch) {
        m_error = stretch.error();
        return false;
    }
    side.hole = stretch->zeros;
    side.until = stretch->end - side.offset;
    return true;
}

std::optional<CompareUnit> ComparePlanner::next()
{
    if (m_cursor >= m_length || m_error)
        return std::nullopt;
    if (!refresh(m_a) || !refresh(m_b))
        return std::nullopt;
    CompareUnit unit;
    unit.index = m_index++;
    unit.pos = m_cursor;
    unit.holeA = m_a.hole;
    unit.holeB = m_b.hole;
    std::uint64_t end = std::min({m_a.until, m_b.until, m_length});
    if (!unit.bothHoles())
        end = std::min<std::uint64_t>(end, m_cursor + m_chunk);
    unit.length = end - m_cursor;
    m_cursor = end;
    return unit;
}

} // namespace hexmap
