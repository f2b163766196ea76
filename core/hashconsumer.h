#pragma once

#include "core/hashalgorithm.h"
#include "core/result.h"
#include "core/scanconsumer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace hexmap {

// One checksum or hash over the bytes a scan delivers, in file order (an ordered ScanConsumer: each runs on a
// thread of its own in ScanEngine, so several hashes cost about the slowest one). Digests from OpenSSL's EVP,
// CRC-32/Adler-32 from zlib, CRC-32C from core/crc32c.h, XXH3 from libxxhash.
// Thread: the engine's calls on one thread at a time; result() after ScanEngine::run() returned.
class HashConsumer final : public ScanConsumer {
public:
    explicit HashConsumer(HashAlgorithm algorithm);
    ~HashConsumer() override;
    HashConsumer(const HashConsumer &) = delete;
    HashConsumer &operator=(const HashConsumer &) = delete;

    HashAlgorithm algorithm() const { return m_algorithm; }
    bool ordered() const override { return true; }
    void consume(std::uint64_t offset, std::span<const std::byte> bytes, std::size_t owned) override;
    // CRC-32 and Adler-32 take a hole in O(log n) (zlib's combine); the others hash its zeros.
    void consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t zeroBytes) override;
    bool cheapZeros() const override;

    // The digest in lowercase hex (checksums as their 32-bit value, 8 digits; XXH3 in canonical big-endian form),
    // once; later calls give the same text. Fails with Errc::InvalidArgument when the library refused the
    // algorithm (OpenSSL without it, e.g. a FIPS-only configuration; context names the algorithm).
    Result<std::string> result();

private:
    struct State;
    HashAlgorithm m_algorithm;
    std::unique_ptr<State> m_state;
};

} // namespace hexmap
