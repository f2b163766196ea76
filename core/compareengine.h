#pragma once

#include "core/comparerun.h"
#include "core/comparerunfeed.h"
#include "core/result.h"
#include "core/scanprogress.h"
#include "core/scansource.h"

namespace hexmap {

// Compares two files (or two equally long ranges of them, each from its own start offset) and finds the runs of
// differing bytes, at disk speed and in bounded memory.
//
// Built on the scan engine's parts: ScanSource (pread into reused per-thread buffers, never a mapping, so a file
// cut meanwhile gives a clear error instead of a SIGBUS; SEEK_DATA / SEEK_HOLE), ScanProgress (progress, cancel,
// ends once). A ComparePlanner cuts the ranges into units (1 MiB where either side holds data; a stretch where
// both sides are holes is one unit, equal without reading; a side that is a hole in a unit is not read, it is
// zeros). `threads` workers take units in order, read both sides and compare them (comparekernel: memcmp, then
// words). Finished units are merged in order (runs closer than mergeGap become one; units may finish out of
// order, at most a window of 4 per thread ahead of the first unfinished one), and once more than maxRuns runs
// are known the engine stops handing out units: the result holds the first maxRuns runs exactly.
//
// Thread: run() is synchronous and may be called from any thread, several runs at once (each with its own
// progress); ScanProgress may be polled and cancelled from any thread meanwhile.
class CompareEngine {
public:
    // Compares A[offsetA, +length) with B[offsetB, +length) (length: see CompareOptions) and returns the runs;
    // calls progress.finish() once before returning, also when it fails. Both paths naming the same file (same
    // device and inode) from the same offset give an equal result with sameFile set, without reading. Cancel
    // (progress.requestCancel()) is honoured between units (within a few ms). options.documentA / documentB (the
    // documents of open tabs, unsaved edits applied) are what each side reads, in document offsets; zero stretches
    // of a document (holes of its file, fills of zeros) are not read; with a document, the same file is read like
    // two files.
    // Fails with Errc::InvalidArgument (an invalid source, maxRuns 0, chunkSize 0), Errc::OutOfBounds (a start
    // or range past the end of a side; context names the file and the values), Errc::Cancelled,
    // Errc::FileTruncated when a side's file is shorter than its range (with a document: than the snapshot's
    // originalSize()) before, during or at the end of the compare (context: the path and the offset where it now
    // ends), errno from pread.
    // `feed` (optional) receives the runs while the compare goes on, each once it is final (no later unit can
    // extend it), in order and never past maxRuns: a prefix of the result's runs (the last run only comes with
    // the result). A failed or cancelled run may have pushed runs before it failed.
    static Result<CompareResult> run(const ScanSource &a, const ScanSource &b, const CompareOptions &options,
                                     ScanProgress &progress, CompareRunFeed *feed = nullptr);
};

} // namespace hexmap
