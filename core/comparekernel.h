#pragma once

#include "core/comparerun.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hexmap {

// The byte comparison of the compare engine: finds the runs of differing bytes of two equally long buffers.
// Equal stretches are skipped with memcmp over 4 KiB blocks, then 64 bytes at a time (an OR of XORed words the
// compiler vectorises); the ends of a run are found a word at a time (the first zero byte of a XOR).
// Free functions without state: any thread.
namespace comparekernel {

// The first position >= pos where a and b differ, or n. Never fails.
std::size_t firstDifference(const std::byte *a, const std::byte *b, std::size_t pos, std::size_t n);
// The first position >= pos where a and b are equal, or n. Never fails.
std::size_t firstEqual(const std::byte *a, const std::byte *b, std::size_t pos, std::size_t n);

// Appends the runs of differing bytes of a[0, n) and b[0, n) to `out` as runs at base + position, merging runs
// that have at most `gap` equal bytes between them (also with the last run already in `out`, when it ends within
// `gap` of base). Stops once `out` holds `limit` runs and returns false then (the rest of the buffers was not
// compared); true when the whole buffers were compared. Never fails.
bool appendRuns(const std::byte *a, const std::byte *b, std::size_t n, std::uint64_t base, std::uint64_t gap,
                std::size_t limit, std::vector<CompareRun> &out);

} // namespace comparekernel
} // namespace hexmap
