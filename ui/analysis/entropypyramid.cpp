#include "ui/analysis/entropypyramid.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace hexmap {

std::uint64_t EntropyPyramid::baseBlockSize(std::uint64_t rangeSize)
{
    const std::uint64_t wanted = (rangeSize + kMaxBaseCells - 1) / kMaxBaseCells;
    return std::max(kMinBlockSize, std::bit_ceil(std::max<std::uint64_t>(1, wanted)));
}

EntropyPyramid EntropyPyramid::fromStats(const StatsConsumer &stats, ByteRange range)
{
    EntropyPyramid p;
    if (range.isEmpty() || stats.blockCount() == 0)
        return p;
    p.m_range = range;
    p.m_blockSize = stats.blockSize();
    Level base;
    base.entropy.resize(stats.blockCount());
    base.cls.resize(stats.blockCount());
    for (std::uint64_t i = 0; i < stats.blockCount(); ++i) {
        base.entropy[i] = static_cast<std::uint16_t>(std::lround(stats.entropy(i) * kScale));
        base.cls[i] = static_cast<std::uint8_t>(stats.byteClass(i));
    }
    p.m_levels.push_back(std::move(base));
    p.buildUpperLevels();
    return p;
}

EntropyPyramid::EntropyPyramid(ByteRange range, std::uint64_t blockSize, const std::vector<double> &entropy,
                               const std::vector<ByteClass> &classes)
{
    if (range.isEmpty() || blockSize == 0 || entropy.size() != classes.size()
        || entropy.size() != (range.size + blockSize - 1) / blockSize)
        return;
    m_range = range;
    m_blockSize = blockSize;
    Level base;
    for (std::size_t i = 0; i < entropy.size(); ++i) {
        base.entropy.push_back(static_cast<std::uint16_t>(std::lround(std::clamp(entropy[i], 0.0, 8.0) * kScale)));
        base.cls.push_back(static_cast<std::uint8_t>(classes[i]));
    }
    m_levels.push_back(std::move(base));
    buildUpperLevels();
}

void EntropyPyramid::buildUpperLevels()
{
    while (m_levels.back().cls.size() > 1) {
        const Level &below = m_levels.back();
        const std::size_t n = below.cls.size();
        Level up;
        up.entropy.resize((n + 1) / 2);
        up.cls.resize((n + 1) / 2);
        for (std::size_t i = 0; i < up.cls.size(); ++i) {
            const std::size_t a = 2 * i, b = std::min(2 * i + 1, n - 1);
            up.entropy[i] = static_cast<std::uint16_t>((below.entropy[a] + below.entropy[b] + 1) / 2);
            up.cls[i] = below.cls[a] == below.cls[b] ? below.cls[a] : static_cast<std::uint8_t>(ByteClass::Other);
        }
        m_levels.push_back(std::move(up));
    }
}

std::size_t EntropyPyramid::memoryBytes() const
{
    std::size_t bytes = 0;
    for (const Level &l : m_levels)
        bytes += l.entropy.capacity() * sizeof(std::uint16_t) + l.cls.capacity();
    return bytes;
}

EntropyPyramid::Sample EntropyPyramid::sample(ByteRange span) const
{
    Sample s;
    if (isEmpty() || span.isEmpty())
        return s;
    const std::uint64_t first = std::max(span.offset, m_range.offset);
    const std::uint64_t end = std::min(span.offset + span.size, m_range.offset + m_range.size);
    if (first >= end)
        return s;
    // The coarsest level whose cells are no larger than the span (level 0 for spans below a block).
    std::size_t level = 0;
    while (level + 1 < m_levels.size() && (m_blockSize << (level + 1)) <= end - first)
        ++level;
    const std::uint64_t cellSize = m_blockSize << level;
    const Level &l = m_levels[level];
    const std::uint64_t a = (first - m_range.offset) / cellSize;
    const std::uint64_t b = std::min<std::uint64_t>((end - 1 - m_range.offset) / cellSize, l.cls.size() - 1);
    std::array<int, 5> votes{};
    double sum = 0;
    for (std::uint64_t i = a; i <= b; ++i) {
        sum += l.entropy[i] / kScale;
        ++votes[std::min<std::size_t>(l.cls[i], 4)];
    }
    s.entropy = sum / static_cast<double>(b - a + 1);
    s.byteClass = static_cast<ByteClass>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    s.valid = true;
    return s;
}

std::optional<EntropyPyramid::Block> EntropyPyramid::extreme(bool highest) const
{
    if (isEmpty())
        return std::nullopt;
    const auto &e = m_levels.front().entropy;
    const auto it = highest ? std::max_element(e.begin(), e.end()) : std::min_element(e.begin(), e.end());
    const auto index = static_cast<std::uint64_t>(it - e.begin());
    return Block{m_range.offset + index * m_blockSize, *it / kScale};
}

std::optional<EntropyPyramid::Block> EntropyPyramid::highest() const { return extreme(true); }
std::optional<EntropyPyramid::Block> EntropyPyramid::lowest() const { return extreme(false); }

std::vector<std::uint64_t> EntropyPyramid::bytesPerClass() const
{
    std::vector<std::uint64_t> bytes(5, 0);
    if (isEmpty())
        return bytes;
    const auto &cls = m_levels.front().cls;
    for (std::size_t i = 0; i < cls.size(); ++i) {
        const std::uint64_t start = static_cast<std::uint64_t>(i) * m_blockSize;
        bytes[std::min<std::size_t>(cls[i], 4)] += std::min(m_blockSize, m_range.size - start);
    }
    return bytes;
}

} // namespace hexmap
