#include "core/shiftlayouts.h"

#include "core/errors.h"

#include <string>

namespace hexmap {

Result<SaveLayout> insertLayout(std::uint64_t size, std::uint64_t offset, const SavePiece &piece)
{
    if (offset > size)
        return Error{make_error_code(Errc::OutOfBounds),
                     "insert offset " + std::to_string(offset) + " is past the end (" + std::to_string(size)
                         + " bytes)"};
    if (piece.length == 0)
        return Error{make_error_code(Errc::InvalidArgument), "nothing to insert (zero length)"};
    if (piece.length > UINT64_MAX - size)
        return Error{make_error_code(Errc::InvalidArgument),
                     "inserting " + std::to_string(piece.length) + " bytes: the file would pass 2^64 bytes"};
    SaveLayout layout;
    if (offset > 0)
        layout.push_back({SavePiece::Kind::Original, 0, offset, 0, nullptr});
    SavePiece inserted = piece;
    inserted.dst = offset;
    layout.push_back(inserted);
    if (offset < size)
        layout.push_back({SavePiece::Kind::Original, offset + piece.length, size - offset, offset, nullptr});
    return layout;
}

Result<SaveLayout> deleteLayout(std::uint64_t size, std::uint64_t offset, std::uint64_t length)
{
    if (length == 0)
        return Error{make_error_code(Errc::InvalidArgument), "nothing to delete (zero length)"};
    if (offset > size || length > size - offset)
        return Error{make_error_code(Errc::OutOfBounds),
                     "delete range " + std::to_string(offset) + " + " + std::to_string(length)
                         + " passes the end (" + std::to_string(size) + " bytes)"};
    SaveLayout layout;
    if (offset > 0)
        layout.push_back({SavePiece::Kind::Original, 0, offset, 0, nullptr});
    if (offset + length < size)
        layout.push_back({SavePiece::Kind::Original, offset, size - offset - length, offset + length, nullptr});
    return layout;
}

} // namespace hexmap
