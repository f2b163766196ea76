#pragma once

#include "core/byterange.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace hexmap {

// A set of bytes kept as disjoint, coalesced half-open intervals (e.g. "written by a job but not yet synced").
// Adjacent and overlapping additions merge; removals split. Cost: O(log n + k) per call for k touched intervals.
// Thread: not synchronized; one thread at a time (the GUI thread in the app). Plain value, copyable.
class RangeSet {
public:
    // Adds the bytes of `range` (an empty range is ignored). Never fails.
    void add(ByteRange range);
    // Removes the bytes of `range` (bytes not in the set are ignored). Never fails.
    void remove(ByteRange range);
    void clear();

    bool isEmpty() const { return m_intervals.empty(); }
    // True when byte `pos` is in the set. Never fails.
    bool contains(std::uint64_t pos) const;
    // True when every byte of a non-empty `range` is in the set. Never fails.
    bool contains(ByteRange range) const;
    // True when any byte of `range` is in the set. Never fails.
    bool intersects(ByteRange range) const;
    // The number of bytes in the set. Never fails.
    std::uint64_t total() const { return m_total; }
    // The number of disjoint intervals.
    std::size_t intervalCount() const { return m_intervals.size(); }
    // The intervals in file order. Never fails.
    std::vector<ByteRange> ranges() const;
    // The parts of the set inside `range`, in file order. Never fails.
    std::vector<ByteRange> intersection(ByteRange range) const;

    friend bool operator==(const RangeSet &, const RangeSet &) = default;

private:
    std::map<std::uint64_t, std::uint64_t> m_intervals; // begin -> end (exclusive), disjoint and non-adjacent
    std::uint64_t m_total = 0;
};

} // namespace hexmap
