#include "core/hashconsumer.h"

#include "core/crc32c.h"

#include <openssl/evp.h>
#include <xxhash.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <optional>

namespace hexmap {
namespace {

const EVP_MD *digestFor(HashAlgorithm a)
{
    switch (a) {
    case HashAlgorithm::Md5: return EVP_md5();
    case HashAlgorithm::Sha1: return EVP_sha1();
    case HashAlgorithm::Sha256: return EVP_sha256();
    case HashAlgorithm::Sha512: return EVP_sha512();
    case HashAlgorithm::Sha3_256: return EVP_sha3_256();
    case HashAlgorithm::Blake2b512: return EVP_blake2b512();
    default: return nullptr;
    }
}

std::string hex(const unsigned char *bytes, std::size_t n)
{
    static const char digits[] = "0123456789abcdef";
    std::string text(2 * n, '0');
    for (std::size_t i = 0; i < n; ++i) {
        text[2 * i] = digits[bytes[i] >> 4];
        text[2 * i + 1] = digits[bytes[i] & 15];
    }
    return text;
}

std::string hex32(std::uint32_t value)
{
    char text[9];
    std::snprintf(text, sizeof text, "%08x", value);
    return text;
}

} // namespace

struct HashConsumer::State {
    EVP_MD_CTX *evp = nullptr;
    bool evpFailed = false;
    std::uint32_t sum32 = 0;
    XXH3_state_t *xxh = nullptr;
    std::optional<Result<std::string>> result;
    ~State()
    {
        EVP_MD_CTX_free(evp);
        XXH3_freeState(xxh);
    }
};

HashConsumer::HashConsumer(HashAlgorithm algorithm) : m_algorithm(algorithm), m_state(std::make_unique<State>())
{
    State &s = *m_state;
    switch (algorithm) {
    case HashAlgorithm::Crc32: s.sum32 = static_cast<std::uint32_t>(::crc32(0, Z_NULL, 0)); break;
    case HashAlgorithm::Adler32: s.sum32 = static_cast<std::uint32_t>(::adler32(0, Z_NULL, 0)); break;
    case HashAlgorithm::Crc32c: s.sum32 = 0; break;
    case HashAlgorithm::Xxh3_64:
    case HashAlgorithm::Xxh3_128:
        s.xxh = XXH3_createState();
        s.evpFailed = !s.xxh || (algorithm == HashAlgorithm::Xxh3_64 ? XXH3_64bits_reset(s.xxh)
                                                                      : XXH3_128bits_reset(s.xxh)) != XXH_OK;
        break;
    default:
        s.evp = EVP_MD_CTX_new();
        s.evpFailed = !s.evp || EVP_DigestInit_ex(s.evp, digestFor(algorithm), nullptr) != 1;
        break;
    }
}

HashConsumer::~HashConsumer() = default;

void HashConsumer::consume(std::uint64_t, std::span<const std::byte> bytes, std::size_t owned)
{
    State &s = *m_state;
    if (s.evpFailed)
        return;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    std::size_t n = std::min(owned, bytes.size());
    switch (m_algorithm) {
    case HashAlgorithm::Crc32:
    case HashAlgorithm::Adler32:
        while (n > 0) { // zlib takes uInt lengths
            const auto piece = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
            s.sum32 = static_cast<std::uint32_t>(m_algorithm == HashAlgorithm::Crc32 ? ::crc32(s.sum32, p, piece)
                                                                                      : ::adler32(s.sum32, p, piece));
            p += piece;
            n -= piece;
        }
        break;
    case HashAlgorithm::Crc32c: s.sum32 = crc32c(s.sum32, bytes.first(n)); break;
    case HashAlgorithm::Xxh3_64: s.evpFailed = XXH3_64bits_update(s.xxh, p, n) != XXH_OK; break;
    case HashAlgorithm::Xxh3_128: s.evpFailed = XXH3_128bits_update(s.xxh, p, n) != XXH_OK; break;
    default: s.evpFailed = EVP_DigestUpdate(s.evp, p, n) != 1; break;
    }
}

bool HashConsumer::cheapZeros() const
{
    return m_algorithm == HashAlgorithm::Crc32 || m_algorithm == HashAlgorithm::Adler32;
}

void HashConsumer::consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t)
{
    State &s = *m_state;
    if (m_algorithm == HashAlgorithm::Crc32) {
        // crc32(A + zeros(L)) = combine(crc32(A), crc32(zeros(L)), L); crc32(zeros(L)) from the powers of two.
        std::uint32_t zeros = 0; // crc32 of no bytes
        std::uint32_t power = static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef *>("\0"), 1));
        for (std::uint64_t bit = 1, rest = owned; rest != 0; bit <<= 1, rest >>= 1) {
            if (rest & 1)
                zeros = static_cast<std::uint32_t>(::crc32_combine(zeros, power, static_cast<z_off_t>(bit)));
            if (rest > 1)
                power = static_cast<std::uint32_t>(::crc32_combine(power, power, static_cast<z_off_t>(bit)));
        }
        s.sum32 = static_cast<std::uint32_t>(::crc32_combine(s.sum32, zeros, static_cast<z_off_t>(owned)));
        return;
    }
    if (m_algorithm == HashAlgorithm::Adler32) {
        // Adler-32 of L zero bytes: A = 1, B = L (mod 65521).
        const auto zeros = static_cast<uLong>(((owned % 65521u) << 16) | 1u);
        s.sum32 = static_cast<std::uint32_t>(::adler32_combine(s.sum32, zeros, static_cast<z_off_t>(owned)));
        return;
    }
    static const std::byte zeros[1u << 16] = {};
    for (std::uint64_t done = 0; done < owned;) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(sizeof zeros, owned - done));
        consume(offset + done, std::span<const std::byte>(zeros, n), n);
        done += n;
    }
}

Result<std::string> HashConsumer::result()
{
    State &s = *m_state;
    if (s.result)
        return *s.result;
    if (s.evpFailed) {
        s.result = Error{make_error_code(Errc::InvalidArgument),
                         std::string(hashName(m_algorithm)) + ": the hash library refused this algorithm"};
        return *s.result;
    }
    switch (m_algorithm) {
    case HashAlgorithm::Crc32:
    case HashAlgorithm::Adler32:
    case HashAlgorithm::Crc32c: s.result = hex32(s.sum32); break;
    case HashAlgorithm::Xxh3_64: {
        XXH64_canonical_t c;
        XXH64_canonicalFromHash(&c, XXH3_64bits_digest(s.xxh));
        s.result = hex(c.digest, sizeof c.digest);
        break;
    }
    case HashAlgorithm::Xxh3_128: {
        XXH128_canonical_t c;
        XXH128_canonicalFromHash(&c, XXH3_128bits_digest(s.xxh));
        s.result = hex(c.digest, sizeof c.digest);
        break;
    }
    default: {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        if (EVP_DigestFinal_ex(s.evp, digest, &n) != 1)
            s.result = Error{make_error_code(Errc::InvalidArgument),
                             std::string(hashName(m_algorithm)) + ": the hash library failed to finish"};
        else
            s.result = hex(digest, n);
        break;
    }
    }
    return *s.result;
}

} // namespace hexmap
