#pragma once

#include "core/searchpattern.h"

#include <cstddef>
#include <cstdint>

// SIMD candidate filters for the search matcher (x86-64: AVX2 when the CPU has it, else SSE2; elsewhere a
// scalar loop). Free functions without state: any thread.
namespace hexmap::simdscan {

inline constexpr std::size_t npos = SIZE_MAX;

// Two pattern positions whose (byte & mask) == value test is done 32 or 16 candidates at a time; candidates
// that pass both are verified with SearchPattern::matchesAt. i0 may equal i1.
struct PairFilter {
    std::size_t i0 = 0;
    std::size_t i1 = 0;
    std::uint8_t v0 = 0, m0 = 0xFF, v1 = 0, m1 = 0xFF;
};

// "avx2", "sse2" or "scalar": what forward()/backward() run on this CPU.
const char *isa();

// The first (forward) or last (backward) start s < candidates at which `pattern` matches hay + s.
// hay must hold candidates + pattern.size() - 1 bytes. Returns npos when none. Never fails.
std::size_t forward(const std::byte *hay, std::size_t candidates, const PairFilter &filter,
                    const SearchPattern &pattern);
std::size_t backward(const std::byte *hay, std::size_t candidates, const PairFilter &filter,
                     const SearchPattern &pattern);

} // namespace hexmap::simdscan
