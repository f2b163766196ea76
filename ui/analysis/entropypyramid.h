#pragma once

#include "core/byterange.h"
#include "core/statsconsumer.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace hexmap {

// Per-block entropy and byte class of a range, kept at every resolution for the overview map and the entropy
// plot: level 0 holds one cell per block of blockSize() bytes (from a StatsConsumer), each level above halves the
// cell count (a cell's entropy is the mean of its two children, its class theirs when they agree, else Other),
// up to a single cell. A span of any size is answered from the level whose cells are just smaller than it, so a
// pixel row costs O(1) cells whatever the zoom: the painting never touches more than a few cells per row.
// Memory: 3 bytes a cell, about twice the base level; baseBlockSize() keeps the base at most kMaxBaseCells cells,
// so a 1 TiB file costs at most 24 MiB (kMaxBaseCells * 3 * 2), under the 32 MiB bound.
// Thread: plain value; const calls from any thread.
class EntropyPyramid {
public:
    static constexpr std::uint64_t kMinBlockSize = 4096;
    static constexpr std::uint64_t kMaxBaseCells = 4u << 20;

    struct Sample {
        double entropy = 0;                 // bits per byte, 0-8 (the mean of the cells)
        ByteClass byteClass = ByteClass::Other; // the class most of the cells have
        bool valid = false;                 // false outside the range or for an empty pyramid
    };
    struct Block {
        std::uint64_t offset = 0; // of the block's first byte (file offset)
        double entropy = 0;
    };

    EntropyPyramid() = default;
    // The smallest power-of-two block size >= kMinBlockSize that gives at most kMaxBaseCells blocks. Never fails.
    static std::uint64_t baseBlockSize(std::uint64_t rangeSize);
    // From a finished StatsConsumer over `range`. Never fails (an empty range gives an empty pyramid).
    static EntropyPyramid fromStats(const StatsConsumer &stats, ByteRange range);
    // From plain values (tests): entropy[i] and classes[i] of block i. Sizes must match (else an empty pyramid).
    EntropyPyramid(ByteRange range, std::uint64_t blockSize, const std::vector<double> &entropy,
                   const std::vector<ByteClass> &classes);

    bool isEmpty() const { return m_levels.empty(); }
    ByteRange range() const { return m_range; }
    std::uint64_t blockSize() const { return m_blockSize; }
    std::size_t levelCount() const { return m_levels.size(); }
    std::size_t cellCount(std::size_t level) const { return level < m_levels.size() ? m_levels[level].cls.size() : 0; }
    std::size_t memoryBytes() const;

    // The cells covering `span` (clipped to the range) at the coarsest level whose cells fit in it. Never fails.
    Sample sample(ByteRange span) const;
    // The base block of the highest / lowest entropy (the first of equals); nullopt when empty. Never fail.
    std::optional<Block> highest() const;
    std::optional<Block> lowest() const;
    // Bytes of the range per class (the last block may be short), indexed by ByteClass. Never fails.
    std::vector<std::uint64_t> bytesPerClass() const;

private:
    struct Level {
        std::vector<std::uint16_t> entropy; // bits per byte * kScale
        std::vector<std::uint8_t> cls;
    };
    static constexpr double kScale = 8000.0;
    void buildUpperLevels();
    std::optional<Block> extreme(bool highest) const;

    ByteRange m_range;
    std::uint64_t m_blockSize = 0;
    std::vector<Level> m_levels;
};

} // namespace hexmap
