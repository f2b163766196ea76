#include "core/comparekernel.h"

#include <bit>
#include <cstring>

namespace hexmap::comparekernel {
namespace {

constexpr std::size_t kBlock = 4096;
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;
constexpr bool kLittle = std::endian::native == std::endian::little;

std::uint64_t xorWord(const std::byte *a, const std::byte *b, std::size_t pos)
{
    std::uint64_t x, y;
    std::memcpy(&x, a + pos, 8);
    std::memcpy(&y, b + pos, 8);
    return x ^ y;
}

} // namespace

std::size_t firstDifference(const std::byte *a, const std::byte *b, std::size_t pos, std::size_t n)
{
    while (n - pos >= kBlock && std::memcmp(a + pos, b + pos, kBlock) == 0)
        pos += kBlock;
    while (n - pos >= 64) {
        std::uint64_t any = 0;
        for (std::size_t i = 0; i < 64; i += 8)
            any |= xorWord(a, b, pos + i);
        if (any)
            break;
        pos += 64;
    }
    if constexpr (kLittle) {
        for (; n - pos >= 8; pos += 8) {
            if (const std::uint64_t x = xorWord(a, b, pos))
                return pos + static_cast<std::size_t>(std::countr_zero(x) / 8);
        }
    }
    while (pos < n && a[pos] == b[pos])
        ++pos;
    return pos;
}

std::size_t firstEqual(const std::byte *a, const std::byte *b, std::size_t pos, std::size_t n)
{
    if constexpr (kLittle) {
        for (; n - pos >= 8; pos += 8) {
            const std::uint64_t x = xorWord(a, b, pos);
            // The lowest flagged byte is exactly the first zero byte of x (an equal byte); higher flags may be
            // false (a borrow), but they are never looked at.
            if (const std::uint64_t zero = (x - kOnes) & ~x & kHighs)
                return pos + static_cast<std::size_t>(std::countr_zero(zero) / 8);
        }
    }
    while (pos < n && a[pos] != b[pos])
        ++pos;
    return pos;
}

bool appendRuns(const std::byte *a, const std::byte *b, std::size_t n, std::uint64_t base, std::uint64_t gap,
                std::size_t limit, std::vector<CompareRun> &out)
{
    std::size_t pos = 0;
    while (pos < n) {
        const std::size_t start = firstDifference(a, b, pos, n);
        if (start == n)
            return true;
        const std::size_t end = firstEqual(a, b, start, n);
        const std::uint64_t offset = base + start;
        if (!out.empty() && offset - out.back().end() <= gap) {
            out.back().length = base + end - out.back().offset;
        } else {
            if (out.size() >= limit)
                return false;
            out.push_back({offset, end - start});
        }
        pos = end;
    }
    return true;
}

} // namespace hexmap::comparekernel
