#include "core/crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace hexmap {
namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78u; // reflected Castagnoli

// Slicing-by-8 tables: table[k][b] is the CRC of byte b followed by k zero bytes.
struct Tables {
    std::array<std::array<std::uint32_t, 256>, 8> t{};
    constexpr Tables()
    {
        for (std::uint32_t b = 0; b < 256; ++b) {
            std::uint32_t c = b;
            for (int i = 0; i < 8; ++i)
                c = (c & 1u) ? (c >> 1) ^ kPolynomial : c >> 1;
            t[0][b] = c;
        }
        for (std::uint32_t b = 0; b < 256; ++b)
            for (std::size_t k = 1; k < 8; ++k)
                t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xFFu];
    }
};
constexpr Tables kTables;

std::uint32_t softwareCrc(std::uint32_t crc, const unsigned char *p, std::size_t n)
{
    const auto &t = kTables.t;
    while (n >= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, 8); // little-endian hosts only (x86-64, aarch64): checked by the tests' known values
        word ^= crc;
        crc = t[7][word & 0xFF] ^ t[6][(word >> 8) & 0xFF] ^ t[5][(word >> 16) & 0xFF] ^ t[4][(word >> 24) & 0xFF]
            ^ t[3][(word >> 32) & 0xFF] ^ t[2][(word >> 40) & 0xFF] ^ t[1][(word >> 48) & 0xFF]
            ^ t[0][(word >> 56) & 0xFF];
        p += 8;
        n -= 8;
    }
    while (n-- > 0)
        crc = (crc >> 8) ^ t[0][(crc ^ *p++) & 0xFFu];
    return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t hardwareCrc(std::uint32_t crc, const unsigned char *p, std::size_t n)
{
    std::uint64_t c = crc;
    while (n >= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, 8);
        c = _mm_crc32_u64(c, word);
        p += 8;
        n -= 8;
    }
    auto c32 = static_cast<std::uint32_t>(c);
    while (n-- > 0)
        c32 = _mm_crc32_u8(c32, *p++);
    return c32;
}

bool hasHardwareCrc()
{
    static const bool has = __builtin_cpu_supports("sse4.2");
    return has;
}
#endif

} // namespace

std::uint32_t crc32c(std::uint32_t crc, std::span<const std::byte> data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    crc = ~crc;
#if defined(__x86_64__)
    if (hasHardwareCrc())
        return ~hardwareCrc(crc, p, data.size());
#endif
    return ~softwareCrc(crc, p, data.size());
}

} // namespace hexmap
