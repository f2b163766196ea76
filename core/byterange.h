#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>

namespace hexmap {

// A half-open span of bytes [offset, offset + size). Plain value; any thread.
// end() saturates at UINT64_MAX so a range can never wrap around.
struct ByteRange {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;

    constexpr std::uint64_t end() const
    {
        return size > UINT64_MAX - offset ? UINT64_MAX : offset + size;
    }
    constexpr bool isEmpty() const { return size == 0; }
    constexpr bool contains(std::uint64_t pos) const { return pos >= offset && pos < end(); }
    constexpr bool contains(const ByteRange &other) const
    {
        return other.offset >= offset && other.end() <= end();
    }
    constexpr bool overlaps(const ByteRange &other) const
    {
        return !isEmpty() && !other.isEmpty() && offset < other.end() && other.offset < end();
    }
    // The common part of two ranges; empty (at the later start) when they do not overlap.
    constexpr ByteRange intersected(const ByteRange &other) const
    {
        const std::uint64_t b = std::max(offset, other.offset);
        const std::uint64_t e = std::min(end(), other.end());
        return e > b ? ByteRange{b, e - b} : ByteRange{b, 0};
    }
    static constexpr ByteRange fromBounds(std::uint64_t begin, std::uint64_t endExclusive)
    {
        return endExclusive > begin ? ByteRange{begin, endExclusive - begin} : ByteRange{begin, 0};
    }
    friend constexpr bool operator==(const ByteRange &, const ByteRange &) = default;
};

} // namespace hexmap
