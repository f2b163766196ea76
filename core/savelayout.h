#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace hexmap {

// One piece of a document to be saved: `length` bytes that go to [dst, dst + length) of the new file.
// Shared contract between the piece table (core/piecetable.h, which produces a layout) and the in-place saver
// (core/shiftsave*.h, which writes one). Plain value; any thread (the buffers it points to are immutable).
struct SavePiece {
    enum class Kind {
        Original, // bytes [src, src + length) of the file as it was opened
        Memory,   // bytes [src, src + length) of *bytes
        Fill,     // `length` bytes repeating *bytes (the pattern, 1 byte or more), starting at pattern index src
    };
    Kind kind = Kind::Original;
    std::uint64_t dst = 0;
    std::uint64_t length = 0;
    std::uint64_t src = 0;
    std::shared_ptr<const std::vector<std::byte>> bytes; // Memory: the buffer; Fill: the pattern; Original: null
};

// A whole document in order: dst starts at 0 and each piece starts where the previous one ended; no piece is empty.
// Original pieces are strictly increasing in src and disjoint (the piece table never duplicates or reorders bytes
// of the original), which is what lets the saver move them in place without a temporary file.
using SaveLayout = std::vector<SavePiece>;

} // namespace hexmap
