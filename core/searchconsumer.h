#pragma once

#include "core/scanconsumer.h"
#include "core/searchmatcher.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace hexmap {

// A search as a ScanConsumer (unordered): the first match, the last match, or every match up to a cap, of one
// pattern in the scanned range (matches lie wholly inside it). Each unit is searched with its look-ahead (pattern
// length - 1), so a match across two units is found exactly once; a hole is answered in O(pattern): either the
// pattern matches zero bytes (then every position of the hole whose window is zeros matches) or nothing there does.
// Thread: the engine's calls from any threads at once; the getters after ScanEngine::run() returned.
class SearchConsumer final : public ScanConsumer {
public:
    // First stops the scan early (isDone) once a match is known; Last reads the whole range (a backward search
    // scans windows before the caret, nearest first).
    enum class Mode { First, Last, All };
    // maxMatches: All keeps the first maxMatches (>= 1) and notes that more exist. Never fails.
    SearchConsumer(SearchMatcher matcher, Mode mode, std::uint64_t maxMatches = 100000);

    bool ordered() const override { return false; }
    std::size_t overlap() const override { return m_matcher.pattern().size() - 1; }
    void consume(std::uint64_t offset, std::span<const std::byte> bytes, std::size_t owned) override;
    void consumeZeros(std::uint64_t offset, std::uint64_t owned, std::uint64_t zeroBytes) override;
    bool isDone() const override { return m_done.load(std::memory_order_relaxed); }

    // First: the lowest match, if any. Last: the highest. All: the matches in ascending order (at most
    // maxMatches), and whether more exist. Never fail.
    std::optional<std::uint64_t> first() const;
    std::optional<std::uint64_t> last() const;
    std::vector<std::uint64_t> takeAll();
    bool capped() const { return m_capped; }
    std::uint64_t matchesSeen() const { return m_seen.load(std::memory_order_relaxed); }

private:
    void addMatches(std::uint64_t offset, std::vector<std::uint64_t> found);

    SearchMatcher m_matcher;
    Mode m_mode;
    std::uint64_t m_max;
    bool m_zerosMatch; // the pattern matches a run of zero bytes
    std::atomic<bool> m_done{false};
    std::atomic<std::uint64_t> m_seen{0};
    mutable std::mutex m_mutex; // guards the members below
    std::map<std::uint64_t, std::vector<std::uint64_t>> m_found; // by unit offset
    bool m_capped = false;
};

} // namespace hexmap
