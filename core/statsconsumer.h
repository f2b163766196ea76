#pragma once

#include "core/byterange.h"
#include "core/result.h"
#include "core/scanconsumer.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace hexmap {

// What a block mostly holds, from its byte histogram.
enum class ByteClass : std::uint8_t {
    Zero,        // every byte 0x00 (holes included)
    Erased,      // every byte 0xFF (erased flash)
    Text,        // at least 90 % printable ASCII (0x20-0x7E, tab, LF, CR)
    HighEntropy, // at least 90 % of the highest entropy the block's length allows: compressed or encrypted
    Other,
};
const char *byteClassName(ByteClass c); // "zero", "erased", "text", "high-entropy", "other"

// Statistics over a range: the byte histogram, and per block of blockSize bytes (from the range's start; the last
// one may be shorter) its Shannon entropy in bits per byte (0-8, kept to 1/8000 of a bit: 3 bytes a block with
// the class) and its ByteClass. An unordered ScanConsumer: every worker counts whole blocks on its own; a block
// cut by a unit edge is summed under a lock. Holes cost O(blocks), without reading.
// Thread: the engine's calls from any threads at once; the getters after ScanEngine::run() returned.
class StatsConsumer final : public ScanConsumer {
public:
    static constexpr std::uint64_t kMaxBlocks = 32u << 20; // 96 MiB of results at most

    // Fails with Errc::InvalidArgument for blockSize 0 or above 1 GiB, Errc::TooLarge when the range holds more
    // than kMaxBlocks blocks (context: the count and a block size that fits).
    static Result<std::unique_ptr<StatsConsumer>> create(ByteRange range, std::uint64_t blockSize);

    bool ordered() const override { return false; }
    void consume(std::uint64_t offset, std::span<const std::byte> bytes, std::size_t owned) override;
    void consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t zeroBytes) override;

    const std::array<std::uint64_t, 256> &histogram() const { return m_histogram; }
    std::uint64_t blockSize() const { return m_blockSize; }
    std::uint64_t blockCount() const { return m_entropy.size(); }
    double entropy(std::uint64_t block) const { return m_entropy[block] / kEntropyScale; }
    ByteClass byteClass(std::uint64_t block) const { return static_cast<ByteClass>(m_class[block]); }
    // Entropy of the whole range from the histogram, bits per byte. Never fails.
    double totalEntropy() const;

    // The entropy and class of one block from its histogram (n = the block's length). Never fail.
    static double entropyOf(const std::uint64_t *counts, std::uint64_t n);
    static ByteClass classOf(const std::uint64_t *counts, std::uint64_t n, double entropy);

private:
    static constexpr double kEntropyScale = 8000.0;
    StatsConsumer(ByteRange range, std::uint64_t blockSize);
    std::uint64_t blockLength(std::uint64_t block) const;
    void finishBlock(std::uint64_t block, const std::uint64_t *counts);
    void addPartial(std::uint64_t block, const std::uint64_t *counts, std::uint64_t bytes);
    void addTotals(const std::uint64_t *counts);

    ByteRange m_range;
    std::uint64_t m_blockSize;
    std::vector<std::uint16_t> m_entropy;
    std::vector<std::uint8_t> m_class;
    std::mutex m_mutex; // guards the two below
    std::array<std::uint64_t, 256> m_histogram{};
    struct Partial {
        std::array<std::uint64_t, 256> counts{};
        std::uint64_t bytes = 0;
    };
    std::map<std::uint64_t, Partial> m_partial;
};

} // namespace hexmap
