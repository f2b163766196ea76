#include "core/patternkernel.h"

#include <algorithm>
#include <cstring>

namespace hexmap {

namespace {
constexpr std::size_t kBlockTarget = 256 * 1024;
}

PatternKernel::PatternKernel(std::span<const std::byte> pattern) : m_period(pattern.size())
{
    if (pattern.empty())
        return;
    m_uniform = std::all_of(pattern.begin(), pattern.end(), [&](std::byte b) { return b == pattern[0]; });
    m_block = (kBlockTarget + m_period - 1) / m_period * m_period;
    m_buffer.resize(m_block + m_period);
    for (std::size_t i = 0; i < m_buffer.size(); i += m_period)
        std::memcpy(m_buffer.data() + i, pattern.data(), std::min(m_period, m_buffer.size() - i));
}

void PatternKernel::write(std::span<std::byte> dst, std::uint64_t phase) const
{
    if (m_period == 0 || dst.empty())
        return;
    if (m_uniform) {
        std::memset(dst.data(), std::to_integer<int>(m_buffer[0]), dst.size());
        return;
    }
    // m_block is a whole number of periods, so every copy starts at the same phase.
    const std::byte *src = m_buffer.data() + static_cast<std::size_t>(phase % m_period);
    std::byte *out = dst.data();
    std::size_t left = dst.size();
    while (left > 0) {
        const std::size_t n = std::min(left, m_block);
        std::memcpy(out, src, n);
        out += n;
        left -= n;
    }
}

std::span<const std::byte> PatternKernel::source(std::uint64_t phase) const
{
    if (m_period == 0)
        return {};
    return {m_buffer.data() + static_cast<std::size_t>(phase % m_period), m_block};
}

} // namespace hexmap
