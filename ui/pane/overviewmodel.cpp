#include "ui/pane/overviewmodel.h"

#include <algorithm>

namespace hexmap {
namespace {
__extension__ typedef unsigned __int128 U128;
} // namespace

OverviewModel::OverviewModel(std::uint64_t fileSize, int height)
    : m_size(fileSize), m_height(std::max(0, height))
{
}

OverviewModel::OverviewModel(ByteRange window, int height)
    : m_origin(window.offset), m_size(window.size), m_height(std::max(0, height))
{
}

ByteRange OverviewModel::zoomWindow(std::uint64_t fileSize, std::uint64_t zoom, ByteRange viewport)
{
    if (zoom <= 1 || fileSize == 0)
        return {0, fileSize};
    const std::uint64_t length = std::max<std::uint64_t>(1, fileSize / zoom + (fileSize % zoom ? 1 : 0));
    const std::uint64_t centre = std::min(viewport.offset, fileSize - 1) + viewport.size / 2;
    const std::uint64_t start = centre > length / 2 ? centre - length / 2 : 0;
    return {std::min(start, fileSize - length), length};
}

double OverviewModel::bytesPerRow() const
{
    return isValid() ? static_cast<double>(m_size) / m_height : 0.0;
}

OverviewModel::Pos OverviewModel::position(std::uint64_t offset) const
{
    const std::uint64_t local = offset > m_origin ? offset - m_origin : 0;
    const U128 q = static_cast<U128>(std::min(local, m_size)) * static_cast<U128>(m_height);
    return {static_cast<std::uint64_t>(q / m_size), static_cast<std::uint64_t>(q % m_size)};
}

std::uint64_t OverviewModel::offsetAtRow(int row) const
{
    if (!isValid())
        return 0;
    if (row <= 0)
        return m_origin;
    if (row >= m_height)
        return m_origin + m_size - 1;
    const U128 q = static_cast<U128>(static_cast<unsigned>(row)) * m_size / static_cast<unsigned>(m_height);
    return m_origin + std::min(static_cast<std::uint64_t>(q), m_size - 1);
}

ByteRange OverviewModel::rowRange(int row) const
{
    if (!isValid() || row < 0 || row >= m_height)
        return {};
    const auto h = static_cast<U128>(static_cast<unsigned>(m_height));
    const auto r = static_cast<U128>(static_cast<unsigned>(row));
    const auto begin = static_cast<std::uint64_t>(r * m_size / h);
    // ceil((r + 1) * S / H): the last byte that reaches into this row is included.
    const auto end = static_cast<std::uint64_t>(((r + 1) * m_size + h - 1) / h);
    return ByteRange::fromBounds(m_origin + begin, m_origin + std::max(end, begin + 1));
}

int OverviewModel::rowOf(std::uint64_t offset) const
{
    if (!isValid())
        return 0;
    const Pos p = position(offset);
    return static_cast<int>(std::min<std::uint64_t>(p.row, static_cast<std::uint64_t>(m_height - 1)));
}

std::pair<int, int> OverviewModel::rowsOf(ByteRange whole) const
{
    const ByteRange range = whole.intersected(window());
    if (!isValid() || range.isEmpty())
        return {0, 0};
    const Pos a = position(range.offset);
    const Pos b = position(range.end());
    const std::uint64_t last = b.rem ? b.row + 1 : b.row;
    const auto first = static_cast<int>(a.row);
    const auto end = static_cast<int>(std::min<std::uint64_t>(last, static_cast<std::uint64_t>(m_height)));
    return {first, std::max(end, first + 1)};
}

std::vector<float> OverviewModel::coverage(std::span<const ByteRange> ranges) const
{
    if (!isValid())
        return {};
    const auto h = static_cast<std::size_t>(m_height);
    std::vector<double> partial(h + 1, 0.0);
    std::vector<double> diff(h + 1, 0.0); // +1 over whole rows, as a difference array
    const auto size = static_cast<double>(m_size);
    for (const ByteRange &whole : ranges) {
        const ByteRange range = whole.intersected(window());
        if (range.isEmpty())
            continue;
        const Pos a = position(range.offset);
        const Pos b = position(range.end());
        if (a.row == b.row) {
            partial[a.row] += static_cast<double>(b.rem - a.rem) / size; // b.rem > a.rem: strictly positive
            continue;
        }
        partial[a.row] += static_cast<double>(m_size - a.rem) / size;
        diff[a.row + 1] += 1.0;
        diff[b.row] -= 1.0;
        partial[b.row] += static_cast<double>(b.rem) / size;
    }
    std::vector<float> out(h);
    double run = 0.0;
    for (std::size_t r = 0; r < h; ++r) {
        run += diff[r];
        out[r] = static_cast<float>(std::clamp(run + partial[r], 0.0, 1.0));
        // A range of a few bytes in a huge file must still show: keep tiny positive coverage positive.
        if (out[r] == 0.0f && run + partial[r] > 0.0)
            out[r] = 1e-30f;
    }
    return out;
}

} // namespace hexmap
