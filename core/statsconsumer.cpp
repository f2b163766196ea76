#include "core/statsconsumer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hexmap {
namespace {

constexpr std::uint64_t kMaxBlockSize = 1u << 30;
constexpr std::size_t kTable = 1u << 16;

// c * log2(c) for c <= kTable: entropy without a logarithm per count.
const double *cLogTable()
{
    static const std::vector<double> table = [] {
        std::vector<double> t(kTable + 1, 0.0);
        for (std::size_t c = 2; c <= kTable; ++c)
            t[c] = static_cast<double>(c) * std::log2(static_cast<double>(c));
        return t;
    }();
    return table.data();
}

double cLog(std::uint64_t c)
{
    return c <= kTable ? cLogTable()[c] : static_cast<double>(c) * std::log2(static_cast<double>(c));
}

// Counts the bytes of `data` into counts (added), with four tables so runs of one byte do not serialize.
void countBytes(const unsigned char *p, std::size_t n, std::uint64_t *counts)
{
    std::uint32_t t[4][256];
    std::memset(t, 0, sizeof t);
    while (n > 0) {
        const std::size_t piece = std::min<std::size_t>(n, 1u << 30);
        std::size_t i = 0;
        for (; i + 4 <= piece; i += 4) {
            ++t[0][p[i]];
            ++t[1][p[i + 1]];
            ++t[2][p[i + 2]];
            ++t[3][p[i + 3]];
        }
        for (; i < piece; ++i)
            ++t[0][p[i]];
        for (int b = 0; b < 256; ++b) {
            counts[b] += std::uint64_t(t[0][b]) + t[1][b] + t[2][b] + t[3][b];
            t[0][b] = t[1][b] = t[2][b] = t[3][b] = 0;
        }
        p += piece;
        n -= piece;
    }
}

} // namespace

const char *byteClassName(ByteClass c)
{
    switch (c) {
    case ByteClass::Zero: return "zero";
    case ByteClass::Erased: return "erased";
    case ByteClass::Text: return "text";
    case ByteClass::HighEntropy: return "high-entropy";
    case ByteClass::Other: return "other";
    }
    return "?";
}

Result<std::unique_ptr<StatsConsumer>> StatsConsumer::create(ByteRange range, std::uint64_t blockSize)
{
    if (blockSize == 0 || blockSize > kMaxBlockSize)
        return Error{make_error_code(Errc::InvalidArgument),
                     "block size " + std::to_string(blockSize) + " (expected 1 byte to 1 GiB)"};
    const std::uint64_t blocks = range.size / blockSize + (range.size % blockSize ? 1 : 0);
    if (blocks > kMaxBlocks)
        return Error{make_error_code(Errc::TooLarge),
                     std::to_string(blocks) + " blocks of " + std::to_string(blockSize) + " bytes (at most " +
                         std::to_string(kMaxBlocks) + "; a block of " +
                         std::to_string((range.size + kMaxBlocks - 1) / kMaxBlocks) + " bytes or more fits)"};
    cLogTable();
    return std::unique_ptr<StatsConsumer>(new StatsConsumer(range, blockSize));
}

StatsConsumer::StatsConsumer(ByteRange range, std::uint64_t blockSize)
    : m_range(range), m_blockSize(blockSize),
      m_entropy(static_cast<std::size_t>(range.size / blockSize + (range.size % blockSize ? 1 : 0))),
      m_class(m_entropy.size(), static_cast<std::uint8_t>(ByteClass::Zero))
{
}

std::uint64_t StatsConsumer::blockLength(std::uint64_t block) const
{
    return std::min(m_blockSize, m_range.size - block * m_blockSize);
}

double StatsConsumer::entropyOf(const std::uint64_t *counts, std::uint64_t n)
{
    if (n == 0)
        return 0;
    double sum = 0;
    for (int b = 0; b < 256; ++b)
        sum += cLog(counts[b]);
    const double h = std::log2(static_cast<double>(n)) - sum / static_cast<double>(n);
    return std::clamp(h, 0.0, 8.0);
}

ByteClass StatsConsumer::classOf(const std::uint64_t *counts, std::uint64_t n, double entropy)
{
    if (counts[0] == n)
        return ByteClass::Zero;
    if (counts[0xFF] == n)
        return ByteClass::Erased;
    std::uint64_t printable = counts['\t'] + counts['\n'] + counts['\r'];
    for (int b = 0x20; b < 0x7F; ++b)
        printable += counts[b];
    if (printable * 10 >= n * 9)
        return ByteClass::Text;
    if (n >= 16 && entropy >= 0.9 * std::log2(static_cast<double>(std::min<std::uint64_t>(n, 256))))
        return ByteClass::HighEntropy;
    return ByteClass::Other;
}

void StatsConsumer::finishBlock(std::uint64_t block, const std::uint64_t *counts)
{
    const std::uint64_t n = blockLength(block);
    const double h = entropyOf(counts, n);
    m_entropy[block] = static_cast<std::uint16_t>(std::lround(h * kEntropyScale));
    m_class[block] = static_cast<std::uint8_t>(classOf(counts, n, h));
}

void StatsConsumer::addPartial(std::uint64_t block, const std::uint64_t *counts, std::uint64_t bytes)
{
    std::lock_guard lock(m_mutex);
    Partial &p = m_partial[block];
    for (int b = 0; b < 256; ++b)
        p.counts[b] += counts[b];
    p.bytes += bytes;
    if (p.bytes == blockLength(block)) {
        finishBlock(block, p.counts.data());
        m_partial.erase(block);
    }
}

void StatsConsumer::addTotals(const std::uint64_t *counts)
{
    std::lock_guard lock(m_mutex);
    for (int b = 0; b < 256; ++b)
        m_histogram[b] += counts[b];
}

void StatsConsumer::consume(std::uint64_t offset, std::span<const std::byte> bytes, std::size_t owned)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    std::uint64_t total[256] = {};
    std::uint64_t rel = offset - m_range.offset;
    const std::uint64_t stop = rel + owned;
    while (rel < stop) {
        const std::uint64_t block = rel / m_blockSize;
        const std::uint64_t blockStart = block * m_blockSize;
        const std::uint64_t segEnd = std::min(stop, blockStart + blockLength(block));
        const auto n = static_cast<std::size_t>(segEnd - rel);
        std::uint64_t counts[256] = {};
        countBytes(p, n, counts);
        for (int b = 0; b < 256; ++b)
            total[b] += counts[b];
        if (n == blockLength(block))
            finishBlock(block, counts);
        else
            addPartial(block, counts, n);
        p += n;
        rel = segEnd;
    }
    addTotals(total);
}

void StatsConsumer::consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t)
{
    std::uint64_t total[256] = {};
    total[0] = owned;
    addTotals(total);
    std::uint64_t rel = offset - m_range.offset;
    const std::uint64_t stop = rel + owned;
    while (rel < stop) {
        const std::uint64_t block = rel / m_blockSize;
        const std::uint64_t blockStart = block * m_blockSize;
        const std::uint64_t segEnd = std::min(stop, blockStart + blockLength(block));
        if (segEnd - rel == blockLength(block)) { // whole zero blocks: entropy 0, class Zero (the initial values)
            const std::uint64_t last = (stop - blockStart) / m_blockSize; // whole blocks from `block`
            const std::uint64_t whole = std::max<std::uint64_t>(1, std::min(last, m_entropy.size() - block));
            std::fill_n(m_entropy.begin() + static_cast<std::ptrdiff_t>(block), whole, std::uint16_t(0));
            std::fill_n(m_class.begin() + static_cast<std::ptrdiff_t>(block), whole,
                        static_cast<std::uint8_t>(ByteClass::Zero));
            rel = std::min(stop, blockStart + whole * m_blockSize);
            continue;
        }
        std::uint64_t counts[256] = {};
        counts[0] = segEnd - rel;
        addPartial(block, counts, segEnd - rel);
        rel = segEnd;
    }
}

double StatsConsumer::totalEntropy() const
{
    std::uint64_t n = 0;
    for (auto c : m_histogram)
        n += c;
    return entropyOf(m_histogram.data(), n);
}

} // namespace hexmap
