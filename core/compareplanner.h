#pragma once

#include "core/documentsource.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace hexmap {

// One piece of a compare: the positions [pos, pos + length) of the compared ranges (relative to their starts).
// holeA / holeB: that side is a hole all through the piece (reads as zeros; nothing to read). A piece where both
// sides are holes is equal without reading.
struct CompareUnit {
    std::uint64_t index = 0; // 0, 1, 2... in order
    std::uint64_t pos = 0;
    std::uint64_t length = 0;
    bool holeA = false;
    bool holeB = false;
    bool bothHoles() const { return holeA && holeB; }
};

// Cuts two equally long ranges [offsetA, +length) of A and [offsetB, +length) of B into CompareUnits in order:
// pieces of at most chunkSize where either side holds data, cut where a side's data or zeros (DocumentSource::
// stretchAt: holes of the file, SEEK_DATA / SEEK_HOLE, and with a document fills of zeros) begin or end, and whole
// stretches where both sides are zeros.
// Thread: not thread-safe; CompareEngine calls it under its lock.
class ComparePlanner {
public:
    ComparePlanner(const DocumentSource &a, std::uint64_t offsetA, const DocumentSource &b, std::uint64_t offsetB,
                   std::uint64_t length, std::size_t chunkSize);

    // The next unit, or nullopt at the end or once error() is set. lseek failures count as data.
    std::optional<CompareUnit> next();
    // Errc::FileTruncated (context: the path and the offset where it now ends) when a side's hole reached its
    // file's end before the range's: the file was cut during the compare (found without reading a byte).
    const std::optional<Error> &error() const { return m_error; }
    std::uint64_t unitsHandedOut() const { return m_index; }
    std::uint64_t length() const { return m_length; }

private:
    // What one side holds from the cursor on: data or a hole, until `until` (relative; m_cursor when unknown).
    struct Side {
        const DocumentSource *source = nullptr;
        std::uint64_t offset = 0;
        bool hole = false;
        std::uint64_t until = 0;
    };
    bool refresh(Side &side); // false (error() set) when the side's file was cut

    Side m_a;
    Side m_b;
    std::uint64_t m_length;
    std::size_t m_chunk;
    std::uint64_t m_cursor = 0;
    std::uint64_t m_index = 0;
    std::optional<Error> m_error;
};

} // namespace hexmap
