#include "core/searchmatcher.h"

#include "core/platform/simdscan.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string.h> // memmem (GNU)

namespace hexmap {
namespace {

// How rare a byte (under its mask) is in typical files: higher is rarer. Zero and 0xFF fill most binaries;
// space, lower-case letters (by English frequency) and digits fill text.
int rarity(std::byte value, std::byte mask)
{
    if (mask == std::byte{0})
        return -1;
    const auto v = static_cast<unsigned char>(value);
    if (mask == std::byte{0xDF})
        return v >= 'A' && v <= 'Z' ? rarity(value | std::byte{0x20}, std::byte{0xFF}) - 1 : 1;
    if (mask != std::byte{0xFF})
        return 1;
    if (v == 0x00)
        return 0;
    if (v == 0xFF || v == ' ' || v == '\n')
        return 2;
    static constexpr std::string_view common = "etaoinshrdlu";
    if (common.find(static_cast<char>(v)) != std::string_view::npos)
        return 3;
    if ((v >= 'a' && v <= 'z') || (v >= '0' && v <= '9') || v == '\t' || v == '\r')
        return 4;
    if (v >= 'A' && v <= 'Z')
        return 5;
    if (v < 0x80)
        return 6;
    return 7;
}

} // namespace

struct SearchMatcher::Horspool {
    explicit Horspool(std::span<const std::byte> bytes)
        : needle(reinterpret_cast<const unsigned char *>(bytes.data()),
                 reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size()),
          searcher(needle.data(), needle.data() + needle.size())
    {
    }
    std::vector<unsigned char> needle;
    std::boyer_moore_horspool_searcher<const unsigned char *> searcher;
};

SearchMatcher::SearchMatcher(SearchPattern pattern, Strategy strategy) : m_pattern(std::move(pattern))
{
    if (m_pattern.isEmpty())
        return;
    // The two rarest positions, preferring distinct values for the second.
    std::vector<std::size_t> order(m_pattern.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto values = m_pattern.values();
    const auto masks = m_pattern.masks();
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rarity(values[a], masks[a]) > rarity(values[b], masks[b]);
    });
    m_i0 = m_i1 = order[0];
    for (std::size_t k = 1; k < order.size() && masks[order[k]] != std::byte{0}; ++k) {
        if (m_i1 == m_i0 || (values[order[k]] != values[m_i0] && values[m_i1] == values[m_i0]))
            m_i1 = order[k];
    }
    for (std::size_t k : order) { // the rarest exact byte, for MemchrAnchor
        if (masks[k] == std::byte{0xFF}) {
            m_anchor = k;
            break;
        }
    }
    // Measured (docs/BENCHMARKS.md, Search): the SIMD pair filter beats memmem, memchr-anchor and Horspool on
    // multi-byte patterns; a single exact byte is plain memchr, 1.5-2x the filter's speed when the byte is rare.
    if (strategy == Strategy::Auto || !supports(strategy, m_pattern))
        strategy = m_pattern.size() == 1 && m_pattern.isExact() ? Strategy::MemchrAnchor : Strategy::Simd;
    m_strategy = strategy;
    if (m_strategy == Strategy::Horspool)
        m_horspool = std::make_shared<const Horspool>(m_pattern.values());
}

bool SearchMatcher::supports(Strategy strategy, const SearchPattern &pattern)
{
    switch (strategy) {
    case Strategy::Memmem:
    case Strategy::Horspool:
        return pattern.isExact();
    case Strategy::MemchrAnchor:
        return std::find(pattern.masks().begin(), pattern.masks().end(), std::byte{0xFF}) != pattern.masks().end();
    default:
        return true;
    }
}

const char *SearchMatcher::name(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Auto: return "auto";
    case Strategy::Simd: return "simd";
    case Strategy::MemchrAnchor: return "memchr-anchor";
    case Strategy::Memmem: return "memmem";
    case Strategy::Horspool: return "horspool";
    case Strategy::Naive: return "naive";
    }
    return "?";
}

std::size_t SearchMatcher::firstFrom(std::span<const std::byte> hay) const
{
    const std::size_t n = m_pattern.size();
    if (n == 0 || hay.size() < n)
        return npos;
    const std::size_t candidates = hay.size() - n + 1;
    const auto *h = reinterpret_cast<const unsigned char *>(hay.data());
    switch (m_strategy) {
    case Strategy::Memmem: {
        const void *p = ::memmem(h, hay.size(), m_pattern.values().data(), n);
        return p ? static_cast<std::size_t>(static_cast<const unsigned char *>(p) - h) : npos;
    }
    case Strategy::Horspool: {
        const auto it = m_horspool->searcher(h, h + hay.size()).first;
        return it == h + hay.size() ? npos : static_cast<std::size_t>(it - h);
    }
    case Strategy::MemchrAnchor: {
        const std::size_t anchor = m_anchor;
        const int c = static_cast<int>(m_pattern.values()[anchor]);
        std::size_t s = 0;
        while (s < candidates) {
            const void *p = std::memchr(h + s + anchor, c, candidates - s);
            if (!p)
                return npos;
            s = static_cast<std::size_t>(static_cast<const unsigned char *>(p) - h) - anchor;
            if (m_pattern.matchesAt(hay.subspan(s)))
                return s;
            ++s;
        }
        return npos;
    }
    case Strategy::Naive:
        for (std::size_t s = 0; s < candidates; ++s) {
            if (m_pattern.matchesAt(hay.subspan(s)))
                return s;
        }
        return npos;
    default:
        break;
    }
    const auto m = m_pattern.masks();
    const auto v = m_pattern.values();
    const simdscan::PairFilter f{m_i0, m_i1, static_cast<std::uint8_t>(v[m_i0]), static_cast<std::uint8_t>(m[m_i0]),
                                 static_cast<std::uint8_t>(v[m_i1]), static_cast<std::uint8_t>(m[m_i1])};
    return simdscan::forward(hay.data(), candidates, f, m_pattern);
}

std::size_t SearchMatcher::findFirst(std::span<const std::byte> hay) const { return firstFrom(hay); }

std::size_t SearchMatcher::findLast(std::span<const std::byte> hay) const
{
    const std::size_t n = m_pattern.size();
    if (n == 0 || hay.size() < n)
        return npos;
    const std::size_t candidates = hay.size() - n + 1;
    if (m_strategy == Strategy::Naive) {
        for (std::size_t s = candidates; s-- > 0;) {
            if (m_pattern.matchesAt(hay.subspan(s)))
                return s;
        }
        return npos;
    }
    const auto m = m_pattern.masks();
    const auto v = m_pattern.values();
    const simdscan::PairFilter f{m_i0, m_i1, static_cast<std::uint8_t>(v[m_i0]), static_cast<std::uint8_t>(m[m_i0]),
                                 static_cast<std::uint8_t>(v[m_i1]), static_cast<std::uint8_t>(m[m_i1])};
    return simdscan::backward(hay.data(), candidates, f, m_pattern);
}

std::size_t SearchMatcher::findAll(std::span<const std::byte> hay, std::uint64_t base,
                                   std::vector<std::uint64_t> &out, std::size_t limit) const
{
    std::size_t added = 0;
    std::size_t pos = 0;
    while (added < limit && pos < hay.size()) {
        const std::size_t s = firstFrom(hay.subspan(pos));
        if (s == npos)
            break;
        out.push_back(base + pos + s);
        ++added;
        pos += s + 1;
    }
    return added;
}

} // namespace hexmap
