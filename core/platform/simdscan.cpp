#include "core/platform/simdscan.h"

#include <bit>
#include <span>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace hexmap::simdscan {
namespace {

bool verify(const std::byte *hay, std::size_t s, const SearchPattern &pattern)
{
    return pattern.matchesAt(std::span(hay + s, pattern.size()));
}

std::size_t scalarForward(const std::byte *hay, std::size_t from, std::size_t candidates, const PairFilter &f,
                          const SearchPattern &pattern)
{
    const auto *h = reinterpret_cast<const std::uint8_t *>(hay);
    for (std::size_t s = from; s < candidates; ++s) {
        if ((h[s + f.i0] & f.m0) == f.v0 && (h[s + f.i1] & f.m1) == f.v1 && verify(hay, s, pattern))
            return s;
    }
    return npos;
}

// Candidates [0, end), highest first.
std::size_t scalarBackward(const std::byte *hay, std::size_t end, const PairFilter &f, const SearchPattern &pattern)
{
    const auto *h = reinterpret_cast<const std::uint8_t *>(hay);
    for (std::size_t s = end; s-- > 0;) {
        if ((h[s + f.i0] & f.m0) == f.v0 && (h[s + f.i1] & f.m1) == f.v1 && verify(hay, s, pattern))
            return s;
    }
    return npos;
}

#if defined(__x86_64__)

bool hasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}

// A bit per candidate in [pos, pos + 32) that passes both filter tests.
__attribute__((target("avx2"))) inline std::uint32_t maskAvx2(const std::uint8_t *h, std::size_t pos,
                                                               const PairFilter &f, __m256i v0, __m256i m0,
                                                               __m256i v1, __m256i m1)
{
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(h + pos + f.i0));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(h + pos + f.i1));
    const __m256i eq = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(a, m0), v0),
                                        _mm256_cmpeq_epi8(_mm256_and_si256(b, m1), v1));
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(eq));
}

#define HEXMAP_AVX2_BROADCASTS                                                                                  \
    const auto *h = reinterpret_cast<const std::uint8_t *>(hay);                                                \
    const __m256i v0 = _mm256_set1_epi8(static_cast<char>(f.v0));                                               \
    const __m256i m0 = _mm256_set1_epi8(static_cast<char>(f.m0));                                               \
    const __m256i v1 = _mm256_set1_epi8(static_cast<char>(f.v1));                                               \
    const __m256i m1 = _mm256_set1_epi8(static_cast<char>(f.m1));

__attribute__((target("avx2"))) std::size_t forwardAvx2(const std::byte *hay, std::size_t candidates,
                                                        const PairFilter &f, const SearchPattern &pattern)
{
    HEXMAP_AVX2_BROADCASTS
    std::size_t pos = 0;
    for (; pos + 64 <= candidates; pos += 64) {
        std::uint64_t bits = maskAvx2(h, pos, f, v0, m0, v1, m1)
            | (std::uint64_t{maskAvx2(h, pos + 32, f, v0, m0, v1, m1)} << 32);
        for (; bits; bits &= bits - 1) {
            const std::size_t s = pos + static_cast<std::size_t>(std::countr_zero(bits));
            if (verify(hay, s, pattern))
                return s;
        }
    }
    return scalarForward(hay, pos, candidates, f, pattern);
}

__attribute__((target("avx2"))) std::size_t backwardAvx2(const std::byte *hay, std::size_t candidates,
                                                         const PairFilter &f, const SearchPattern &pattern)
{
    HEXMAP_AVX2_BROADCASTS
    std::size_t end = candidates;
    for (; end >= 64; end -= 64) {
        const std::size_t pos = end - 64;
        std::uint64_t bits = maskAvx2(h, pos, f, v0, m0, v1, m1)
            | (std::uint64_t{maskAvx2(h, pos + 32, f, v0, m0, v1, m1)} << 32);
        while (bits) {
            const int top = 63 - std::countl_zero(bits);
            const std::size_t s = pos + static_cast<std::size_t>(top);
            if (verify(hay, s, pattern))
                return s;
            bits &= ~(std::uint64_t{1} << top);
        }
    }
    return scalarBackward(hay, end, f, pattern);
}

inline std::uint32_t maskSse2(const std::uint8_t *h, std::size_t pos, const PairFilter &f, __m128i v0, __m128i m0,
                              __m128i v1, __m128i m1)
{
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + pos + f.i0));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + pos + f.i1));
    const __m128i eq = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(a, m0), v0),
                                     _mm_cmpeq_epi8(_mm_and_si128(b, m1), v1));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(eq));
}

#define HEXMAP_SSE2_BROADCASTS                                                                                  \
    const auto *h = reinterpret_cast<const std::uint8_t *>(hay);                                                \
    const __m128i v0 = _mm_set1_epi8(static_cast<char>(f.v0));                                                 \
    const __m128i m0 = _mm_set1_epi8(static_cast<char>(f.m0));                                                  \
    const __m128i v1 = _mm_set1_epi8(static_cast<char>(f.v1));                                                  \
    const __m128i m1 = _mm_set1_epi8(static_cast<char>(f.m1));

std::size_t forwardSse2(const std::byte *hay, std::size_t candidates, const PairFilter &f,
                        const SearchPattern &pattern)
{
    HEXMAP_SSE2_BROADCASTS
    std::size_t pos = 0;
    for (; pos + 16 <= candidates; pos += 16) {
        for (std::uint32_t bits = maskSse2(h, pos, f, v0, m0, v1, m1); bits; bits &= bits - 1) {
            const std::size_t s = pos + static_cast<std::size_t>(std::countr_zero(bits));
            if (verify(hay, s, pattern))
                return s;
        }
    }
    return scalarForward(hay, pos, candidates, f, pattern);
}

std::size_t backwardSse2(const std::byte *hay, std::size_t candidates, const PairFilter &f,
                         const SearchPattern &pattern)
{
    HEXMAP_SSE2_BROADCASTS
    std::size_t end = candidates;
    for (; end >= 16; end -= 16) {
        const std::size_t pos = end - 16;
        std::uint32_t bits = maskSse2(h, pos, f, v0, m0, v1, m1);
        while (bits) {
            const int top = 31 - std::countl_zero(bits);
            const std::size_t s = pos + static_cast<std::size_t>(top);
            if (verify(hay, s, pattern))
                return s;
            bits &= ~(std::uint32_t{1} << top);
        }
    }
    return scalarBackward(hay, end, f, pattern);
}

#endif

} // namespace

const char *isa()
{
#if defined(__x86_64__)
    return hasAvx2() ? "avx2" : "sse2";
#else
    return "scalar";
#endif
}

std::size_t forward(const std::byte *hay, std::size_t candidates, const PairFilter &filter,
                    const SearchPattern &pattern)
{
#if defined(__x86_64__)
    return hasAvx2() ? forwardAvx2(hay, candidates, filter, pattern)
                     : forwardSse2(hay, candidates, filter, pattern);
#else
    return scalarForward(hay, 0, candidates, filter, pattern);
#endif
}

std::size_t backward(const std::byte *hay, std::size_t candidates, const PairFilter &filter,
                     const SearchPattern &pattern)
{
#if defined(__x86_64__)
    return hasAvx2() ? backwardAvx2(hay, candidates, filter, pattern)
                     : backwardSse2(hay, candidates, filter, pattern);
#else
    return scalarBackward(hay, candidates, filter, pattern);
#endif
}

} // namespace hexmap::simdscan
