#pragma once

#include "core/byterange.h"
#include "core/statsconsumer.h"
#include "ui/analysis/entropypyramid.h"

#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

namespace hexmap {

// The Information dock's logic without widgets: the statistics consumer for a scan of the whole document (block
// size from EntropyPyramid::baseBlockSize), then the histogram, the entropy pyramid (shared with the overview
// map's layer), the highest / lowest entropy block and a summary in plain words.
// Thread: GUI thread (plain object; no signals).
class InformationModel {
public:
    // A StatsConsumer for `range`. Fails as StatsConsumer::create does (never for a range from the file: the block
    // size keeps the count under its limit).
    static Result<std::unique_ptr<StatsConsumer>> makeConsumer(ByteRange range);
    // Takes the results of a finished scan. Never fails.
    void collect(const StatsConsumer &stats, ByteRange range);
    // From plain values (tests). Never fails.
    void set(const std::array<std::uint64_t, 256> &histogram, EntropyPyramid pyramid);
    void clear();

    bool hasData() const { return !m_pyramid.isEmpty(); }
    const std::array<std::uint64_t, 256> &histogram() const { return m_histogram; }
    const EntropyPyramid &pyramid() const { return m_pyramid; }
    std::optional<EntropyPyramid::Block> highest() const { return m_pyramid.highest(); }
    std::optional<EntropyPyramid::Block> lowest() const { return m_pyramid.lowest(); }
    // Entropy of the whole range from the histogram, bits per byte.
    double totalEntropy() const;
    // "82 % high entropy — likely compressed or encrypted" and the like, from the bytes per class: the class
    // holding at least half of the bytes names the file, else the two largest are listed. Empty without data.
    QString summary() const;
    // The same figures per class, one line each ("High entropy: 82 %"). Empty without data.
    QString breakdown() const;
    // "high entropy", "text"... Never fails.
    static QString className(ByteClass c);

private:
    std::array<std::uint64_t, 256> m_histogram{};
    EntropyPyramid m_pyramid;
};

} // namespace hexmap
