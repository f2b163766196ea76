#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/result.h"
#include "core/searchmatcher.h"
#include "core/searchprogress.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace hexmap {

enum class SearchDirection { Forward, Backward };

struct SearchOptions {
    std::optional<ByteRange> range;          // where matches must lie wholly; default: the whole file
    unsigned threads = 1;                    // 0 = std::thread::hardware_concurrency()
    std::uint64_t sliceSize = 8u << 20;      // match starts per slice: the unit of work, progress and cancel
    std::uint64_t maxMatches = 100000;       // findAll cap (>= 1)
    SearchMatcher::Strategy strategy = SearchMatcher::Strategy::Auto;
    // Called on a worker thread after every slice (concurrently when threads > 1); may call requestCancel().
    std::function<void(const SearchProgressSnapshot &)> onSliceDone;
};

struct SearchHit {
    std::optional<std::uint64_t> offset; // the match start, or nothing
    bool wrapped = false;                // found only after wrapping around the range
};

struct SearchMatches {
    std::vector<std::uint64_t> offsets; // ascending, overlapping matches included
    bool capped = false;                // more than maxMatches exist; offsets holds the first maxMatches
};

// Searches one mapped file for one pattern. Slices of start positions (each reading sliceSize + pattern
// length - 1 bytes straight from the mapping, so a match across a slice edge is found exactly once) are handed
// out in order to `threads` workers: the calling thread plus threads - 1 std::threads, joined before returning.
// The range is advised MADV_SEQUENTIAL for the scan and MADV_NORMAL afterwards.
// Thread: immutable after create(); its const calls are synchronous and may run concurrently from any threads
// (each with its own SearchProgress). Use SearchJob to run one in the background.
class SearchEngine {
public:
    // Fails with Errc::InvalidArgument for an empty pattern, sliceSize 0 or maxMatches 0, Errc::OutOfBounds when
    // the range passes the end of the file (context: the range), Errc::InvalidArgument for an invalid file.
    static Result<SearchEngine> create(MappedFile file, SearchPattern pattern, SearchOptions options = {});

    // Forward: the first match starting at or after `from`; backward: the last match starting at or before
    // `from` (from is clamped into the range). With wrap, continues from the other end of the range up to `from`.
    // Fails with Errc::Cancelled (progress->requestCancel(), honoured before each slice), Errc::FileTruncated
    // when the file shrank on disk during the scan.
    Result<SearchHit> findNext(std::uint64_t from, SearchDirection direction, bool wrap,
                               SearchProgress *progress = nullptr) const;

    // Every match in the range, up to maxMatches (SearchMatches::capped tells). Same failures as findNext.
    Result<SearchMatches> findAll(SearchProgress *progress = nullptr) const;

    const MappedFile &file() const { return m_file; }
    const SearchMatcher &matcher() const { return m_matcher; }
    const SearchOptions &options() const { return m_options; }
    ByteRange range() const { return m_range; }

private:
    struct Segment;
    SearchEngine(MappedFile file, SearchMatcher matcher, SearchOptions options, ByteRange range);

    using SliceFn = std::function<bool(std::uint64_t index, std::uint64_t firstStart,
                                       std::span<const std::byte> bytes, std::uint64_t &matches)>;
    // Hands the slices of `seg` (in reverse order when backward) to the workers in order; each calls fn, which
    // sets `matches` and returns false when no later slice is needed. Slices claimed are always finished, so
    // the finished ones form a prefix of the order. Returns Errc::Cancelled / Errc::FileTruncated.
    Status forEachSlice(const Segment &seg, bool backward, SearchProgress &progress, const SliceFn &fn) const;
    Result<std::optional<std::uint64_t>> findIn(const Segment &seg, bool backward, SearchProgress &progress) const;

    MappedFile m_file;
    SearchMatcher m_matcher;
    SearchOptions m_options;
    ByteRange m_range;
};

} // namespace hexmap
