#pragma once

#include "core/result.h"
#include "core/savelayout.h"

#include <cstdint>

namespace hexmap {

// The SaveLayouts of the two simple shift edits, shared by `hexmap-cli insert/delete` and the GUI's
// Edit > Insert Bytes… / Delete Range… (both then hand the layout to ShiftSave). Plain functions; any thread.

// A file of `size` bytes with `piece` (a Memory or Fill piece; its dst is set here) inserted at `offset`
// (0..size; size appends). Failure contract: Errc::OutOfBounds when offset > size, Errc::InvalidArgument for an
// empty piece or when the new size would pass 2^64 bytes (each message names the value).
Result<SaveLayout> insertLayout(std::uint64_t size, std::uint64_t offset, const SavePiece &piece);

// A file of `size` bytes without [offset, offset + length). Failure contract: Errc::InvalidArgument for a zero
// length, Errc::OutOfBounds when the range passes the end (the message names offset, length and size).
Result<SaveLayout> deleteLayout(std::uint64_t size, std::uint64_t offset, std::uint64_t length);

} // namespace hexmap
