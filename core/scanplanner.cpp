#include "core/scanplanner.h"

#include "core/editoverlay.h"

#include <algorithm>

namespace hexmap {

ScanPlanner::ScanPlanner(const ScanSource &source, ByteRange range, std::size_t chunkSize, std::size_t overlap,
                         std::uint64_t maxZeroUnit, const EditOverlay *overlay)
    : m_source(source), m_range(range), m_chunk(std::max<std::size_t>(chunkSize, 1)), m_overlap(overlap),
      m_maxZero(std::max<std::uint64_t>(maxZeroUnit, 1)), m_overlay(overlay), m_cursor(range.offset),
      m_dataEnd(range.offset)
{
}

std::optional<ScanUnit> ScanPlanner::next()
{
    const std::uint64_t end = m_range.end();
    if (m_cursor >= end || m_error)
        return std::nullopt;
    if (m_cursor >= m_dataEnd) {
        const std::uint64_t data = m_source.nextData(m_cursor, end);
        if (data > m_cursor) {
            // SEEK_DATA answers "no data after here" also past a new end of file: the size tells.
            if (auto size = m_source.currentSize(); size && *size < end) {
                m_error = Error{make_error_code(Errc::FileTruncated),
                                m_source.path() + ": the file ends at offset " + std::to_string(*size) +
                                    " (it was cut during the scan)"};
                return std::nullopt;
            }
            // A hole [m_cursor, data). Its last m_overlap bytes are read as data unless it runs to the end.
            const std::uint64_t zeroEnd =
                data == end ? data : (data - m_cursor > m_overlap ? data - m_overlap : m_cursor);
            const bool edited =
                m_overlay && m_overlay->overlaps(ByteRange::fromBounds(m_cursor, std::min(end, zeroEnd + m_overlap)));
            if (zeroEnd > m_cursor && !edited) {
                ScanUnit unit;
                unit.index = m_index++;
                unit.offset = m_cursor;
                unit.owned = std::min(zeroEnd - m_cursor, m_maxZero);
                unit.zeros = true;
                unit.zeroBytes = std::min(unit.owned + m_overlap, end - m_cursor);
                m_cursor += unit.owned;
                return unit;
            }
            m_dataEnd = data; // a short or edited hole: read it (pread gives its zeros; the overlay its edits)
        } else {
            m_dataEnd = m_source.dataEnd(m_cursor, end);
        }
    }
    ScanUnit unit;
    unit.index = m_index++;
    unit.offset = m_cursor;
    unit.owned = std::min<std::uint64_t>(m_chunk, m_dataEnd - m_cursor);
    m_cursor += unit.owned;
    return unit;
}

} // namespace hexmap
