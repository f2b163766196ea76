#pragma once

#include "core/byterange.h"
#include "core/comparerun.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace hexmap {

// The plain math of a compare window (no QObject, unit-testable): the runs of a result (offsets on side A), the
// mapping between the sides' offsets (B = A - offsetA + offsetB), the next / previous run from a position, and
// the runs that touch a visible range (binary search: a million runs cost nothing per scroll).
// Thread: any (a plain value), one thread at a time.
class CompareNavigator {
public:
    CompareNavigator() = default;
    explicit CompareNavigator(const CompareResult &result);

    std::size_t count() const { return m_runs.size(); }
    const CompareRun &run(std::size_t index) const { return m_runs[index]; }
    const std::vector<CompareRun> &runs() const { return m_runs; }

    // The offset on B of `offsetA` (clamped at 0 when the shift would make it negative), and back.
    std::uint64_t toB(std::uint64_t offsetA) const;
    std::uint64_t toA(std::uint64_t offsetB) const;

    // Scroll lock for any shift. Both views keep rows at multiples of bytesPerRow (offsets read the same as in the
    // main window, a byte's column is its offset mod bytesPerRow), so with a shift that is not a multiple of it no
    // scroll position lines up every byte with its aligned byte. The lock anchors one byte instead: `anchor`, a
    // byte the leading view shows on screen row (anchor - top) / bytesPerRow (its cursor when on screen, else its
    // top byte), and returns the top offset for the other view that puts the aligned byte on that same screen
    // row (saturating at 0; the view clamps the end). The other bytes of the row sit on it or on a neighbouring one.
    // `fromA`: the leading view is A's (else B's, mapped with toA).
    std::uint64_t followerTop(bool fromA, std::uint64_t anchor, std::uint64_t top, std::uint64_t bytesPerRow) const;

    // The first run starting after `offsetA`, or the last run starting before it; nullopt when none.
    std::optional<std::size_t> next(std::uint64_t offsetA) const;
    std::optional<std::size_t> previous(std::uint64_t offsetA) const;
    // The index of the run holding `offsetA`, if any.
    std::optional<std::size_t> at(std::uint64_t offsetA) const;
    // The runs (as ranges on A) overlapping `visibleA`, at most `limit` of them.
    std::vector<ByteRange> runsIn(ByteRange visibleA, std::size_t limit = 4096) const;

private:
    std::vector<CompareRun> m_runs;
    std::uint64_t m_offsetA = 0;
    std::uint64_t m_offsetB = 0;
};

} // namespace hexmap
