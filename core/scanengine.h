#pragma once

#include "core/byterange.h"
#include "core/piecesnapshot.h"
#include "core/result.h"
#include "core/scanconsumer.h"
#include "core/scanprogress.h"
#include "core/scansource.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>

namespace hexmap {

struct ScanOptions {
    std::optional<ByteRange> range;        // default: the whole document (the file when there is none)
    unsigned threads = 0;                  // reader threads; 0 = std::thread::hardware_concurrency()
    std::size_t chunkSize = 1u << 20;      // bytes per data unit: the unit of work, progress and cancel
    // The document the user sees (unsaved inserts, erases and overwrites) as a version of the piece table over the
    // source file: when set, the scan reads the document, and the range, the consumers' offsets and the progress
    // are document offsets. Unset: the file as it is (no extra cost).
    std::optional<PieceSnapshot> document;
    // One pass of a longer job (a backward search runs one pass per window): the caller has called
    // progress.start() with the job's total and calls finish() once at its end; run() only adds to the counters.
    bool progressStarted = false;
};

// The one streaming read engine for read jobs (search, hashes, statistics): several consumers in one pass.
//
// `threads` workers take units (ScanPlanner: data pieces of chunkSize, holes found with SEEK_DATA/SEEK_HOLE and
// fills of zeros) in document order, read each into a buffer of a fixed ring (DocumentSource: pread for the file's
// bytes, copies for bytes in memory; the look-ahead a pattern needs included; never a mapping: memory is bounded by
// the ring, a file cut meanwhile gives a short read, not a SIGBUS), and hand the unit to every unordered consumer
// at once, on the worker. Ordered consumers (hashes) each
// run on a thread of their own that takes the ring's units in file order: the ring is the bounded reorder
// queue (a slot is reused only once every ordered consumer has finished with its unit), so the readers run ahead
// by at most the ring's size while the hashes run in parallel with each other and with the readers: the pass
// costs about the slowest hash alone instead of their sum, and reads each byte once.
//
// Thread: run() is synchronous and may be called from any thread, several runs at once (each with its own
// consumers and progress); ScanProgress may be polled and cancelled from any thread meanwhile.
class ScanEngine {
public:
    // Feeds every byte of the range to every consumer (see ScanConsumer), then returns once (progress.finish(),
    // unless options.progressStarted).
    // Cancel (progress.requestCancel()) is honoured between units (within a few ms: a unit is at most chunkSize
    // bytes, or 1 MiB of a hole for ordered consumers).
    // Fails with Errc::InvalidArgument (no consumers, a null one, chunkSize 0 or above 1 GiB), Errc::OutOfBounds
    // (a range past the end of the document; context: the range), Errc::Cancelled, Errc::FileTruncated when the
    // file is shorter than the range (with a document: than the snapshot's originalSize()) before, during or at the
    // end of the scan (context: the path and the offset where it now ends), errno
    // from pread or when no thread can be started for an ordered consumer. The consumers' results are meaningful
    // only on success.
    static Status run(const ScanSource &source, std::span<ScanConsumer *const> consumers, const ScanOptions &options,
                      ScanProgress &progress);
};

} // namespace hexmap
