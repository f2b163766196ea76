#include "core/scanplanner.h"

#include <algorithm>

namespace hexmap {

ScanPlanner::ScanPlanner(const DocumentSource &source, ByteRange range, std::size_t chunkSize, std::size_t overlap,
                         std::uint64_t maxZeroUnit)
    : m_source(source), m_range(range), m_chunk(std::max<std::size_t>(chunkSize, 1)), m_overlap(overlap),
      m_maxZero(std::max<std::uint64_t>(maxZeroUnit, 1)), m_cursor(range.offset), m_stretchEnd(range.offset)
{
}

std::optional<ScanUnit> ScanPlanner::next()
{
    const std::uint64_t end = m_range.end();
    if (m_cursor >= end || m_error)
        return std::nullopt;
    if (m_cursor >= m_stretchEnd) {
        auto stretch = m_source.stretchAt(m_cursor, end, "scan");
        if (!stretch) {
            m_error = stretch.error();
            return std::nullopt;
        }
        m_stretchEnd = stretch->end;
        m_zeros = false;
        if (stretch->zeros) {
            // Zeros [m_cursor, stretch end). Their last m_overlap bytes are read as data unless they run to the end.
            const std::uint64_t zeroEnd = stretch->end == end
                                              ? end
                                              : (stretch->end - m_cursor > m_overlap ? stretch->end - m_overlap
                                                                                     : m_cursor);
            if (zeroEnd > m_cursor) {
                m_zeros = true;
                m_stretchEnd = zeroEnd;
            } // else a short hole: read it as data (pread gives its zeros)
        }
    }
    ScanUnit unit;
    unit.index = m_index++;
    unit.offset = m_cursor;
    if (m_zeros) {
        unit.owned = std::min(m_stretchEnd - m_cursor, m_maxZero);
        unit.zeros = true;
        unit.zeroBytes = std::min(unit.owned + m_overlap, end - m_cursor);
        // Asked again at the next unit (SEEK_DATA and the file's size): a file cut while hashes eat a long hole
        // is noticed within one zero unit, not at the end of the hole.
        m_stretchEnd = m_cursor + unit.owned;
    } else {
        unit.owned = std::min<std::uint64_t>(m_chunk, m_stretchEnd - m_cursor);
    }
    m_cursor += unit.owned;
    return unit;
}

} // namespace hexmap
