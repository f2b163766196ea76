#pragma once

#include "core/byterange.h"
#include "core/documentsource.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace hexmap {

// One piece of a scan: the positions [offset, offset + owned) of the document (the file when there is none), read or
// (zeros) a hole of the file or a fill of zeros.
struct ScanUnit {
    std::uint64_t index = 0; // 0, 1, 2... in file order
    std::uint64_t offset = 0;
    std::uint64_t owned = 0;
    bool zeros = false;
    std::uint64_t zeroBytes = 0; // zeros only: zero bytes known from offset (owned + look-ahead, clipped)
};

// Cuts a range of the document into ScanUnits in order: data stretches in pieces of at most chunkSize, zero stretches
// (DocumentSource::stretchAt: holes of the file, SEEK_DATA / SEEK_HOLE, at their document offsets, and fills of
// zeros) as zero units of at most maxZeroUnit, except their last `overlap` bytes (read as data, so a pattern that
// starts in zeros and ends in data is seen). One stretch query per stretch: O(pieces + holes in the range), whatever
// the document's size; nothing is materialised.
// Thread: not thread-safe; ScanEngine calls it under its lock.
class ScanPlanner {
public:
    ScanPlanner(const DocumentSource &source, ByteRange range, std::size_t chunkSize, std::size_t overlap,
                std::uint64_t maxZeroUnit);

    // The next unit, or nullopt at the end of the range or once error() is set. lseek failures count as data.
    std::optional<ScanUnit> next();
    // Errc::FileTruncated (context: the path and the offset where the file now ends) when a hole reached the
    // file's end before the range's: the file was cut during the scan (found without reading any byte).
    const std::optional<Error> &error() const { return m_error; }
    std::uint64_t unitsHandedOut() const { return m_index; }

private:
    const DocumentSource &m_source;
    ByteRange m_range;
    std::size_t m_chunk;
    std::size_t m_overlap;
    std::uint64_t m_maxZero;
    std::uint64_t m_cursor;
    std::uint64_t m_stretchEnd; // the current stretch ends here (m_cursor when unknown)
    bool m_zeros = false;       // the current stretch is handed out as zero units
    std::uint64_t m_index = 0;
    std::optional<Error> m_error;
};

} // namespace hexmap
