#include "core/compareplanner.h"

#include <algorithm>

namespace hexmap {

ComparePlanner::ComparePlanner(const ScanSource &a, std::uint64_t offsetA, const ScanSource &b,
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
    const std::uint64_t data = side.source->nextData(at, end);
    if (data > at) {
        // SEEK_DATA answers "no data after here" also past a new end of file: the size tells.
        if (auto size = side.source->currentSize(); size && *size < end) {
            m_error = Error{make_error_code(Errc::FileTruncated),
                            side.source->path() + ": the file ends at offset " + std::to_string(*size) +
                                " (it was cut during the compare)"};
            return false;
        }
        side.hole = true;
        side.until = data - side.offset;
        return true;
    }
    side.hole = false;
    const std::uint64_t dataEnd = side.source->dataEnd(at, end);
    side.until = std::max(dataEnd, at + 1) - side.offset;
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
