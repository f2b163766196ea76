#pragma once

#include "core/byterange.h"
#include "core/result.h"
#include "core/scansource.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace hexmap {

class EditOverlay;

// One piece of a scan: the positions [offset, offset + owned), read from the file or (zeros) a hole of it.
struct ScanUnit {
    std::uint64_t index = 0; // 0, 1, 2... in file order
    std::uint64_t offset = 0;
    std::uint64_t owned = 0;
    bool zeros = false;
    std::uint64_t zeroBytes = 0; // zeros only: zero bytes known from offset (owned + look-ahead, clipped)
};

// Cuts a range into ScanUnits in file order: data stretches in pieces of at most chunkSize, holes (SEEK_DATA /
// SEEK_HOLE) as zero units of at most maxZeroUnit, except their last `overlap` bytes (read as data, so a pattern
// that starts in a hole and ends in data is seen) and any hole that unsaved edits touch (read as data and patched).
// Thread: not thread-safe; ScanEngine calls it under its lock.
class ScanPlanner {
public:
    ScanPlanner(const ScanSource &source, ByteRange range, std::size_t chunkSize, std::size_t overlap,
                std::uint64_t maxZeroUnit, const EditOverlay *overlay);

    // The next unit, or nullopt at the end of the range or once error() is set. lseek failures count as data.
    std::optional<ScanUnit> next();
    // Errc::FileTruncated (context: the path and the offset where the file now ends) when a hole reached the
    // file's end before the range's: the file was cut during the scan (found without reading any byte).
    const std::optional<Error> &error() const { return m_error; }
    std::uint64_t unitsHandedOut() const { return m_index; }

private:
    const ScanSource &m_source;
    ByteRange m_range;
    std::size_t m_chunk;
    std::size_t m_overlap;
    std::uint64_t m_maxZero;
    const EditOverlay *m_overlay;
    std::uint64_t m_cursor;
    std::uint64_t m_dataEnd; // the current data stretch ends here (m_cursor when unknown)
    std::uint64_t m_index = 0;
    std::optional<Error> m_error;
};

} // namespace hexmap
