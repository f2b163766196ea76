#pragma once

#include "core/searchpattern.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace hexmap {

// A SearchPattern compiled for one scanning technique; finds matches inside one block of memory.
// Immutable after construction: any thread, and const calls from several threads at once are fine.
class SearchMatcher {
public:
    enum class Strategy {
        Auto,         // the fastest measured: MemchrAnchor for one exact byte, else Simd (docs/BENCHMARKS.md)
        Simd,         // AVX2/SSE2 filter on the two rarest pattern bytes, then verify; every pattern
        MemchrAnchor, // memchr on the rarest exact byte, then verify; needs one exact (mask 0xFF) byte
        Memmem,       // glibc memmem; exact patterns only
        Horspool,     // std::boyer_moore_horspool_searcher; exact patterns only
        Naive,        // verify at every position; the reference
    };
    static constexpr std::size_t npos = SIZE_MAX;

    // An unsupported strategy (Memmem for a pattern with wildcards...) falls back to Auto's choice; strategy()
    // says what runs. An empty pattern never matches. Never fails.
    explicit SearchMatcher(SearchPattern pattern, Strategy strategy = Strategy::Auto);

    const SearchPattern &pattern() const { return m_pattern; }
    Strategy strategy() const { return m_strategy; }
    static bool supports(Strategy strategy, const SearchPattern &pattern);
    static const char *name(Strategy strategy);

    // The start of the first / last match lying wholly inside `hay`, or npos. Backward searches run on Simd
    // (or Naive when that was asked for) whatever the forward strategy. Never fail.
    std::size_t findFirst(std::span<const std::byte> hay) const;
    std::size_t findLast(std::span<const std::byte> hay) const;

    // Appends base + start of each match in `hay`, ascending, overlapping ones included, until `limit` were
    // appended in this call; returns how many were appended. Never fails (may throw std::bad_alloc only).
    std::size_t findAll(std::span<const std::byte> hay, std::uint64_t base, std::vector<std::uint64_t> &out,
                        std::size_t limit) const;

private:
    struct Horspool;

    std::size_t firstFrom(std::span<const std::byte> hay) const;

    SearchPattern m_pattern;
    Strategy m_strategy = Strategy::Naive;
    std::size_t m_i0 = 0; // rarest non-wildcard position
    std::size_t m_i1 = 0; // second rarest (== m_i0 when only one)
    std::size_t m_anchor = 0; // rarest exact byte (MemchrAnchor)
    std::shared_ptr<const Horspool> m_horspool;
};

} // namespace hexmap
