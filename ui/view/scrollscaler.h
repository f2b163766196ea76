#pragma once

#include <cstdint>

namespace hexmap {

// ScrollScaler maps an int scroll-bar value <-> a std::uint64_t first row in [0, maxRow].
// While maxRow <= limit the mapping is the identity. Beyond, the bar's maximum is the limit and the mapping is
// piecewise: 1:1 for the first and last edgeRows() rows (every row near both ends is reachable and one step
// moves exactly one row there), linear in between (one step moves at least one row). Value 0 is row 0 and
// maximum() is maxRow exactly. Plain value type: any thread.
class ScrollScaler
{
public:
    static constexpr int kDefaultLimit = 1 << 30; // headroom below INT_MAX for QAbstractSlider arithmetic
    static constexpr std::uint64_t kMaxEdgeRows = 65536;

    explicit ScrollScaler(std::uint64_t maxRow = 0, int limit = kDefaultLimit); // limit clamped to [16, INT_MAX]

    std::uint64_t maxRow() const { return m_maxRow; }
    bool isScaled() const { return m_maxRow > std::uint64_t(m_limit); }
    int maximum() const { return isScaled() ? m_limit : int(m_maxRow); }
    std::uint64_t edgeRows() const; // rows mapped 1:1 at each end when scaled, else 0

    // Strictly increasing; 0 -> 0, maximum() -> maxRow(); values outside [0, maximum()] are clamped.
    std::uint64_t rowForValue(int value) const;
    // The smallest value whose row is >= row: valueForRow(rowForValue(v)) == v (a bar never jitters when the
    // view writes back the value of the row it chose) and valueForRow(maxRow()) == maximum(). Rows past maxRow()
    // are clamped.
    int valueForRow(std::uint64_t row) const;

private:
    std::uint64_t m_maxRow;
    int m_limit;
};

} // namespace hexmap
