#pragma once

#include "core/byterange.h"
#include "core/comparerun.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hexmap {

// The difference runs as the overview maps of a compare window draw them (no QObject, unit-testable): the runs in
// file order (offsets on side A) with the running sum of their lengths, so the share of any byte span that
// differs costs two binary searches, O(log runs), however many runs the span holds. A map asks once per pixel
// row: a million runs cost O(height * log runs) per paint, never a rectangle per run. Runs are appended as a
// running compare settles them (CompareRunFeed) and replaced by the result at its end.
// Thread: any (a plain value), one thread at a time.
class DifferenceIndex {
public:
    // Runs after the ones held (in file order, each starting at or after the end of the last one held).
    void append(std::span<const CompareRun> runs);
    void clear();
    std::size_t count() const { return m_runs.size(); }
    std::uint64_t differingBytes() const { return m_prefix.back(); }

    // The fraction in [0, 1] of `span`'s bytes that lie in a run; any run touching the span makes it > 0 (at
    // least kTouched), so one differing byte in a pixel row of gigabytes still shows. 0 for an empty span.
    float share(ByteRange span) const;
    static constexpr float kTouched = 1e-6f;

private:
    std::vector<CompareRun> m_runs;
    std::vector<std::uint64_t> m_prefix{0}; // m_prefix[i]: the sum of the lengths of runs [0, i)
};

} // namespace hexmap
