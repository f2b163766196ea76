#include "ui/view/scrollscaler.h"

#include <algorithm>
#include <climits>

namespace hexmap {

namespace {

__extension__ typedef unsigned __int128 U128;

// floor(a * b / c) and ceil(a * b / c) without overflow; callers guarantee the result fits in 64 bits.
std::uint64_t mulDivFloor(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    return std::uint64_t(U128(a) * b / c);
}

std::uint64_t mulDivCeil(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    return std::uint64_t((U128(a) * b + (c - 1)) / c);
}

} // namespace

ScrollScaler::ScrollScaler(std::uint64_t maxRow, int limit)
    : m_maxRow(maxRow)
    , m_limit(std::clamp(limit, 16, INT_MAX))
{
}

std::uint64_t ScrollScaler::edgeRows() const
{
    return isScaled() ? std::min(kMaxEdgeRows, std::uint64_t(m_limit / 4)) : 0;
}

// Scaled, with R = maxRow, M = maximum, K = edgeRows, N = M - 2K, D = R - 2K (D > N > 0):
//   v <= K: row v;  v >= M - K: row R - (M - v);  otherwise row K + floor((v - K) * D / N).
// The inverse takes the ceiling, which makes it the smallest value reaching a row and an exact left inverse.
std::uint64_t ScrollScaler::rowForValue(int value) const
{
    const auto m = std::uint64_t(maximum());
    const std::uint64_t v = std::min(std::uint64_t(std::max(0, value)), m);
    if (!isScaled())
        return v;
    const std::uint64_t k = edgeRows();
    if (v <= k)
        return v;
    if (v >= m - k)
        return m_maxRow - (m - v);
    return k + mulDivFloor(v - k, m_maxRow - 2 * k, m - 2 * k);
}

int ScrollScaler::valueForRow(std::uint64_t row) const
{
    row = std::min(row, m_maxRow);
    if (!isScaled())
        return int(row);
    const auto m = std::uint64_t(maximum());
    const std::uint64_t k = edgeRows();
    if (row <= k)
        return int(row);
    if (row >= m_maxRow - k)
        return int(m - (m_maxRow - row));
    return int(k + mulDivCeil(row - k, m - 2 * k, m_maxRow - 2 * k));
}

} // namespace hexmap
