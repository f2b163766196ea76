#pragma once

#include <string>
#include <system_error>

namespace hexmap {

// Engine error codes (the "hexmap" category). errno values use std::system_category() instead.
enum class Errc {
    InvalidFileSize = 1,  // size 0 requested for create()
    EmptyFile,            // no longer returned: a zero-length file opens with nothing mapped (kept so codes stay stable)
    IsDirectory,          // open() of a directory
    NotRegularFile,       // FIFO, socket, character device (or a block device where only files are allowed)
    ReadOnlyFile,         // read-write requested on a file without write permission bits
    NotWritable,          // write through a read-only mapping
    OutOfBounds,          // offset or range past the end of the file
    RangeOverflow,        // more bytes than a WriteRange holds, or offset + size overflows
    WrongFile,            // a WriteRange / receipt used with a file that did not mint it
    InvalidArgument,      // empty pattern, zero chunk size, bad split point...
    RangeBusy,            // job range overlaps a running job or unsaved edits
    Cancelled,            // job cancelled by the user
    FileTruncated,        // the file shrank on disk under the mapping (SIGBUS recovered)
    ParseError,           // malformed number, size, pattern
    FileReplaced,         // the path now names another file than the one opened (or it was deleted)
    FileChanged,          // another program changed the file since it was opened (size or modification time)
    WriteLocked,          // another Hexmap process holds the write lock (context names the holder)
    JournalInvalid,       // a save journal that is damaged or belongs to another file
    JournalPending,       // a committed save journal must be replayed before the file is used
    TooLarge,             // a request above a stated memory or output cap
    DeviceNotConfirmed,   // read-write on a block device without OpenMode::ReadWriteDevice (the user did not confirm)
    DeviceCannotDiscard,  // ZeroMode::ReleaseSpace on a device that cannot discard with zeroes guaranteed on read
    DevicePermission,     // EACCES opening a block device (context: the path and the node's group)
};

const std::error_category &hexmapCategory() noexcept;
std::error_code make_error_code(Errc e) noexcept;

} // namespace hexmap

template <>
struct std::is_error_code_enum<hexmap::Errc> : std::true_type {};
