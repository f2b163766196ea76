#pragma once

#include "core/piecesnapshot.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hexmap {

// One stretch of differing bytes: `length` bytes from `offset` on side A (offset + shift on side B, where
// shift = offsetB - offsetA of the compare). With a merge gap, a run may hold equal bytes between differences.
// Plain value; any thread.
struct CompareRun {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t end() const { return offset + length; }
    friend bool operator==(const CompareRun &, const CompareRun &) = default;
};

// What CompareEngine::run() compares and how. Plain value; any thread.
struct CompareOptions {
    std::uint64_t offsetA = 0;            // start on side A
    std::uint64_t offsetB = 0;            // start on side B (compared with offsetA: a shift re-aligns inserted data)
    std::optional<std::uint64_t> length;  // default: the shorter of the two rests (sizeA - offsetA, sizeB - offsetB)
    std::uint64_t mergeGap = 0;           // runs with at most this many equal bytes between them become one run
    std::uint64_t maxRuns = UINT64_MAX;   // stop after this many runs (>= 1): the first maxRuns runs are exact
    unsigned threads = 0;                 // reader threads; 0 = std::thread::hardware_concurrency()
    std::size_t chunkSize = 1u << 20;     // bytes per side per unit: the unit of work, progress and cancel
    // The document an open tab shows on each side (a piece-table version over that side's file, unsaved inserts,
    // erases and overwrites applied): when set, that side is the document, and its offsets, length and size are
    // document offsets (sizes may differ from the file's, as two files' sizes may differ). Unset: the file as is.
    std::optional<PieceSnapshot> documentA;
    std::optional<PieceSnapshot> documentB;
};

// The outcome of a compare. Plain value; any thread.
struct CompareResult {
    std::uint64_t sizeA = 0;   // the sides' sizes: the documents' when given, else the files' when opened
    std::uint64_t sizeB = 0;
    std::uint64_t offsetA = 0; // the compared ranges: [offsetA, offsetA + length) and [offsetB, offsetB + length)
    std::uint64_t offsetB = 0;
    std::uint64_t length = 0;
    bool lengthGiven = false;  // the caller chose the length (else: the common part of the rests)
    bool sameFile = false;     // both sides are the same range of the same file: equal without reading
    bool capped = false;       // stopped after maxRuns runs: differences after the last run were not looked for
    std::vector<CompareRun> runs; // in file order, offsets on side A

    std::uint64_t restA() const { return sizeA - offsetA; }
    std::uint64_t restB() const { return sizeB - offsetB; }
    // The rests differ in size (only when the length was not given: a given length compares exactly that).
    bool sizesDiffer() const { return !lengthGiven && restA() != restB(); }
    bool equal() const { return runs.empty() && !sizesDiffer(); }
    std::uint64_t differingBytes() const; // the sum of the runs' lengths
};

inline std::uint64_t CompareResult::differingBytes() const
{
    std::uint64_t sum = 0;
    for (const CompareRun &r : runs)
        sum += r.length;
    return sum;
}

} // namespace hexmap
