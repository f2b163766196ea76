#include "core/errors.h"

namespace hexmap {
namespace {

class HexmapCategory final : public std::error_category {
public:
    const char *name() const noexcept override { return "hexmap"; }
    std::string message(int value) const override
    {
        switch (static_cast<Errc>(value)) {
        case Errc::InvalidFileSize: return "invalid file size (must be greater than 0)";
        case Errc::EmptyFile: return "the file is empty (0 bytes)";
        case Errc::IsDirectory: return "is a directory";
        case Errc::NotRegularFile: return "not a regular file";
        case Errc::ReadOnlyFile: return "the file is read-only";
        case Errc::NotWritable: return "the file is mapped read-only";
        case Errc::OutOfBounds: return "past the end of the file";
        case Errc::RangeOverflow: return "more bytes than the range holds";
        case Errc::WrongFile: return "the range belongs to another file";
        case Errc::InvalidArgument: return "invalid argument";
        case Errc::RangeBusy: return "the range is in use by a running job or unsaved edits";
        case Errc::Cancelled: return "cancelled";
        case Errc::FileTruncated: return "the file was truncated on disk";
        case Errc::ParseError: return "malformed input";
        case Errc::FileReplaced: return "the file on disk is no longer the one that was opened (replaced or deleted)";
        case Errc::FileChanged: return "another program changed the file since it was opened";
        case Errc::WriteLocked: return "the file is being written by another Hexmap process";
        case Errc::JournalInvalid: return "the save journal is damaged or belongs to another file";
        case Errc::JournalPending: return "an interrupted save must be completed first";
        case Errc::TooLarge: return "too large";
        case Errc::DeviceNotConfirmed: return "a block device: writing needs explicit confirmation";
        case Errc::DeviceCannotDiscard: return "the device cannot discard with zeroes guaranteed";
        case Errc::DevicePermission:
            return "permission denied: opening block devices needs root or membership of the device's group";
        }
        return "unknown hexmap error";
    }
};

} // namespace

const std::error_category &hexmapCategory() noexcept
{
    static const HexmapCategory category;
    return category;
}

std::error_code make_error_code(Errc e) noexcept
{
    return {static_cast<int>(e), hexmapCategory()};
}

} // namespace hexmap
