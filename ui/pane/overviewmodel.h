#pragma once

#include "core/byterange.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace hexmap {

// Plain math for the overview map: a file of fileSize bytes drawn on `height` pixel rows. Row r stands for the
// real-valued byte span [r * S / H, (r + 1) * S / H), so every size works, from 1 byte (one byte stretched over
// all rows) to 2^64-1 bytes (each row ~2^64/H bytes). Computations use 128-bit intermediates: exact, no overflow.
// Every call costs O(1), coverage() O(height + ranges): nothing depends on the file size.
// A zoomed map draws a window [o, o + L) of the file instead (zoomWindow): every row stands for L / H bytes from o,
// offsets and ranges are clipped to the window, and fileSize() is the window's length L.
// Thread: plain value; any thread.
class OverviewModel {
public:
    OverviewModel() = default;
    OverviewModel(std::uint64_t fileSize, int height);
    // The rows show only `window` (a zoomed map); an empty window is an invalid model.
    OverviewModel(ByteRange window, int height);

    // The bytes a map zoomed `zoom` times shows of a file of `fileSize` bytes: ceil(fileSize / zoom) bytes (at
    // least one), centred on the middle of `viewport` and shifted to stay inside the file. zoom <= 1 (or an
    // empty file) gives the whole file.
    static ByteRange zoomWindow(std::uint64_t fileSize, std::uint64_t zoom, ByteRange viewport);

    ByteRange window() const { return {m_origin, m_size}; }
    std::uint64_t fileSize() const { return m_size; }
    int height() const { return m_height; }
    bool isValid() const { return m_size > 0 && m_height > 0; }
    double bytesPerRow() const; // fileSize / height (may be below 1)

    // The first byte drawn on row `row` (floor(row * S / H)), clamped to [0, fileSize - 1]; 0 when invalid.
    // (Offsets in and out are file offsets; in a window, row 0 starts at its origin.)
    std::uint64_t offsetAtRow(int row) const;
    // The whole bytes that touch row `row`: never empty for a valid model and a row in [0, height).
    ByteRange rowRange(int row) const;
    // The row that draws byte `offset` (clamped to [0, height - 1]); 0 when invalid.
    int rowOf(std::uint64_t offset) const;
    // The pixel rows [first, second) that draw `range` (clamped to the file); a non-empty range inside the file
    // gets at least one row, however small it is. An empty range or an invalid model gives an empty pair.
    std::pair<int, int> rowsOf(ByteRange range) const;

    // Per row, the fraction in [0, 1] of the row's span covered by `ranges` (clamped to the file). Ranges are
    // expected disjoint (overlaps count twice, then clamp at 1). A non-empty range inside the file makes every
    // row it touches > 0. O(height + ranges.size()).
    std::vector<float> coverage(std::span<const ByteRange> ranges) const;

private:
    struct Pos {
        std::uint64_t row;  // floor(offset * H / S), may equal H for offset == S
        std::uint64_t rem;  // (offset * H) mod S
    };
    Pos position(std::uint64_t offset) const;

    std::uint64_t m_origin = 0; // the window's first byte
    std::uint64_t m_size = 0;   // the window's length (the whole file unless zoomed)
    int m_height = 0;
};

} // namespace hexmap
