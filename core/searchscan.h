#pragma once

#include "core/byterange.h"
#include "core/piecesnapshot.h"
#include "core/result.h"
#include "core/scanprogress.h"
#include "core/scansource.h"
#include "core/searchmatcher.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hexmap {

enum class SearchDirection { Forward, Backward };

struct SearchScanOptions {
    std::optional<ByteRange> range;              // where matches must lie wholly; default: the whole document
    unsigned threads = 0;                        // reader threads; 0 = std::thread::hardware_concurrency()
    std::size_t chunkSize = 1u << 20;            // the scan engine's unit: of work, progress and cancel
    std::uint64_t maxMatches = 100000;           // findAll keeps at most this many (>= 1)
    // The document the user sees (a piece-table version over the file, unsaved edits applied): when set, the search
    // runs over it, and ranges, `from` and match offsets are document offsets. Unset: the file as it is.
    std::optional<PieceSnapshot> document;
    // Backward: the first window before `from` holds this many match starts; each next window doubles, up to
    // maxWindow (>= 1 each), so a match near the caret is found after reading about that far.
    std::uint64_t firstWindow = 1u << 20;
    std::uint64_t maxWindow = 1ull << 30;
};

struct SearchHit {
    std::optional<std::uint64_t> offset; // the match start, or nothing
    bool wrapped = false;                // found only after wrapping around the range
};

struct SearchMatches {
    std::vector<std::uint64_t> offsets; // ascending, overlapping matches included
    bool capped = false;                // more than maxMatches exist; offsets holds the first maxMatches
};

// Find next / previous and find all on the scan engine (ScanEngine + SearchConsumer): pread into bounded
// buffers, holes answered without reading, the document's unsaved edits seen (ScanOptions::document), several
// reader threads.
// - Forward: one pass over the range from `from` on; the engine hands units out in file order and stops once a
//   match is known (SearchConsumer::First), so the work is the distance to the next match, not the file.
// - Backward: passes over windows before `from`, nearest first (firstWindow, doubling up to maxWindow); each
//   window is read whole (SearchConsumer::Last) and the first window holding a match answers.
// - Wrap: then the other side of `from`, in the same direction.
// Progress: `progress` gets start() with the bytes that the search may read (both sides when wrapping), the
// passes add to it, and finish() is called exactly once when the call returns; cancel (progress.requestCancel(),
// any thread) is honoured between units. A cancel requested before the call makes it return at once.
// Thread: stateless; each call is synchronous and may run on any thread, several at once (each with its own
// progress).
class SearchScan {
public:
    // Forward: the first match starting at or after `from`; backward: the last match starting at or before
    // `from` (from is clamped into the range). With wrap, continues from the other end of the range up to `from`.
    // Fails with Errc::InvalidArgument (an invalid source, an empty pattern, chunkSize, maxMatches or a window
    // 0), Errc::OutOfBounds (a range past the end of the document; context: the range), Errc::Cancelled,
    // Errc::FileTruncated (the file was cut during the scan; context: the offset where it now ends), errno.
    static Result<SearchHit> findNext(const ScanSource &source, const SearchMatcher &matcher, std::uint64_t from,
                                      SearchDirection direction, bool wrap, const SearchScanOptions &options,
                                      ScanProgress &progress);

    // Every match in the range, up to maxMatches (SearchMatches::capped tells). Same failures as findNext.
    static Result<SearchMatches> findAll(const ScanSource &source, const SearchMatcher &matcher,
                                         const SearchScanOptions &options, ScanProgress &progress);
};

} // namespace hexmap
