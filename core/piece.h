#pragma once

#include "core/functionref.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace hexmap {

// Reads bytes [offset, offset + out.size()) of the original file (the file as opened) into `out`; returns false when
// it cannot deliver all of them (the file shrank on disk, an I/O error). The app passes the mapping
// (`[&](auto o, auto out) { return file.readAt(o, out) == out.size(); }`), tests a std::vector.
using OriginalReader = FunctionRef<bool(std::uint64_t offset, std::span<std::byte> out)>;

// Piece: one slice of a document in the piece table (core/piecetable.h): `length` bytes that are
//   Original - bytes [src, src + length) of the original file;
//   Memory   - bytes [src, src + length) of *bytes, an immutable shared buffer (splitting shares it, never copies);
//   Fill     - `length` bytes repeating the pattern *bytes (1..kMaxFillPattern bytes), the first one being
//              pattern[src] (src is the phase, < pattern size), so that a 10 GiB fill is one piece.
// Buffers are shared and never change over [src, src + length) of any piece that points to them.
// Plain value; any thread (pieces of a snapshot may be read from several threads at once).
struct Piece {
    enum class Kind : std::uint8_t { Original, Memory, Fill };
    static constexpr std::size_t kMaxFillPattern = 4096;

    Kind kind = Kind::Original;
    std::uint64_t src = 0;
    std::uint64_t length = 0;
    std::shared_ptr<const std::vector<std::byte>> bytes; // Memory: the buffer; Fill: the pattern; Original: null

    static Piece original(std::uint64_t src, std::uint64_t length) { return {Kind::Original, src, length, {}}; }
    static Piece memory(std::shared_ptr<const std::vector<std::byte>> buffer, std::uint64_t src, std::uint64_t length)
    {
        return {Kind::Memory, src, length, std::move(buffer)};
    }
    static Piece fill(std::shared_ptr<const std::vector<std::byte>> pattern, std::uint64_t phase, std::uint64_t length)
    {
        return {Kind::Fill, phase, length, std::move(pattern)};
    }

    // Bytes [from, from + count) of this piece as a piece of the same kind (Fill keeps its phase right); shares the
    // buffer. Precondition: from + count <= length.
    Piece sub(std::uint64_t from, std::uint64_t count) const
    {
        Piece part = *this;
        part.length = count;
        part.src = kind == Kind::Fill ? (src + from) % bytes->size() : src + from;
        return part;
    }
    // True when `next` carries on exactly where this piece ends (same original run, same buffer run, same pattern at
    // the next phase), so that the two may be stored as one piece.
    bool isContinuedBy(const Piece &next) const
    {
        if (kind != next.kind)
            return false;
        switch (kind) {
        case Kind::Original:
            return src + length == next.src;
        case Kind::Memory:
            return bytes == next.bytes && src + length == next.src;
        case Kind::Fill:
            return (bytes == next.bytes || *bytes == *next.bytes) && (src + length) % bytes->size() == next.src;
        }
        return false;
    }
    // Copies bytes [from, from + out.size()) of this piece into `out` (Original ones through `original`). Returns
    // false only when `original` fails. Precondition: from + out.size() <= length.
    bool copyTo(std::uint64_t from, std::span<std::byte> out, OriginalReader original) const;
};

} // namespace hexmap
