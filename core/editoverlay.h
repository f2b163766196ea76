#pragma once

#include "core/byterange.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace hexmap {

// EditOverlay: unsaved byte edits kept on top of a file (offset -> bytes). Stored as disjoint, coalesced runs in a
// sorted map (first offset -> bytes): two runs never overlap and never touch (adjacent edits are merged), so a
// lookup is O(log n) and patching a span of k bytes is O(log n + k) whatever the number of edits (100 000 scattered
// single-byte edits cost one map node each). The overlay knows nothing of the file: callers clamp to its size.
// Plain value (copyable). Thread: any, but one overlay must not be used by two threads at once without a lock.
class EditOverlay {
public:
    // One run of edited bytes, or a piece of the overlay's state over a range (see Slice).
    struct Run {
        std::uint64_t offset = 0;
        std::vector<std::byte> bytes;
        ByteRange range() const { return {offset, bytes.size()}; }
        friend bool operator==(const Run &, const Run &) = default;
    };
    // The overlay's exact state over `range`: the runs (clipped to range) that cover it; bytes of range outside
    // every run are "not edited". restore() puts that state back, which is how undo restores the overlay exactly.
    struct Slice {
        ByteRange range;
        std::vector<Run> runs;
        friend bool operator==(const Slice &, const Slice &) = default;
    };

    // Overwrites (in the overlay) the bytes at [offset, offset + bytes.size()), merging with the runs it overlaps or
    // touches. Returns false (and changes nothing) when the range would pass UINT64_MAX; an empty span is a no-op.
    bool set(std::uint64_t offset, std::span<const std::byte> bytes);
    bool set(std::uint64_t offset, std::byte value) { return set(offset, std::span<const std::byte>(&value, 1)); }
    // Removes every edit inside `range` (those bytes show the file again); runs crossing its edges are cut. Never
    // fails.
    void erase(ByteRange range);
    void clear() { m_runs.clear(); m_byteCount = 0; }

    // The edited value at `offset`, or nullopt when that byte is not edited. Never fails.
    std::optional<std::byte> get(std::uint64_t offset) const;
    // Patches `buffer` (which holds the file's bytes starting at `offset`) with the edits that fall inside it.
    // O(log n + k). Returns the number of bytes patched. Never fails.
    std::size_t apply(std::uint64_t offset, std::span<std::byte> buffer) const;
    // Calls fn(offset, length) for each maximal edited span inside [offset, offset + length), in order; for
    // painting in an "edited" colour without a per-byte lookup. Never fails.
    template <typename Fn>
    void forEachEditedSpan(ByteRange range, Fn &&fn) const;

    bool overlaps(ByteRange range) const;
    bool isEmpty() const { return m_runs.empty(); }
    std::uint64_t byteCount() const { return m_byteCount; } // edited bytes
    std::size_t runCount() const { return m_runs.size(); }
    std::vector<ByteRange> ranges() const; // sorted, disjoint, non-adjacent
    std::vector<Run> runs() const;         // copies of every run, sorted
    // Visits every run in order without copying: fn(offset, std::span<const std::byte>).
    template <typename Fn>
    void forEachRun(Fn &&fn) const
    {
        for (const auto &[offset, bytes] : m_runs)
            fn(offset, std::span<const std::byte>(bytes));
    }

    // The state over `range` (see Slice) and its inverse. restore() first erases range, then sets the slice's
    // runs (clipped to range). Never fails.
    Slice extract(ByteRange range) const;
    void restore(const Slice &slice);

private:
    using Map = std::map<std::uint64_t, std::vector<std::byte>>;
    // The first run whose end is > offset (the one holding offset, or the next one).
    Map::const_iterator firstEndingAfter(std::uint64_t offset) const;
    Map::iterator firstEndingAfter(std::uint64_t offset);

    Map m_runs;
    std::uint64_t m_byteCount = 0;
};

template <typename Fn>
void EditOverlay::forEachEditedSpan(ByteRange range, Fn &&fn) const
{
    if (range.isEmpty())
        return;
    for (auto it = firstEndingAfter(range.offset); it != m_runs.end() && it->first < range.end(); ++it) {
        const ByteRange part = ByteRange{it->first, it->second.size()}.intersected(range);
        if (!part.isEmpty())
            fn(part.offset, part.size);
    }
}

} // namespace hexmap
