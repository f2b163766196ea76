#include "core/platform/unmappedio.h"

#include "core/alignedbuffer.h"
#include "core/errors.h"
#include "core/mappedfile.h"
#include "core/mapping.h"
#include "core/platform/fileops.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <fcntl.h>
#include <unistd.h>

namespace hexmap::unmappedio {

std::size_t readAt(Mapping &mapping, std::uint64_t offset, std::span<std::byte> buffer)
{
    std::size_t done = 0;
    while (done < buffer.size()) {
        const ssize_t n = ::pread(mapping.fd(), buffer.data() + done, buffer.size() - done,
                                  static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break; // an I/O error: the count read so far
        if (n == 0) { // the end of the file on disk before the end of the request: the file was cut
            mapping.faulted().store(true, std::memory_order_release);
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    return done;
}


std::span<std::byte> scratch(std::size_t size)
{
    thread_local AlignedBuffer buffer;
    return buffer.reserve(size);
}

Status writeAll(Mapping &mapping, std::uint64_t offset, std::span<const std::byte> data)
{
    if (data.empty())
        return {};
    auto onDisk = fileops::sizeOnDisk(mapping);
    if (!onDisk)
        return onDisk.error();
    if (*onDisk < offset + data.size()) {
        mapping.faulted().store(true, std::memory_order_release);
        return Error{make_error_code(Errc::FileTruncated), mapping.path()};
    }
    return fileops::writeBlocks(mapping, offset, data.data(), data.size());
}

Status fill(Mapping &mapping, ByteRange range, std::byte value)
{
    // A buffer of its own (not scratch()): a generator given scratch() may call fill for its own pieces.
    thread_local AlignedBuffer buffer;
    thread_local std::byte filledWith{0};
    if (buffer.capacity() == 0 || filledWith != value) {
        std::memset(buffer.reserve(kPiece).data(), std::to_integer<int>(value), kPiece);
        filledWith = value;
    }
    for (std::uint64_t pos = range.offset; pos < range.end();) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, range.end() - pos));
        if (auto s = writeAll(mapping, pos, buffer.reserve(kPiece).first(n)); !s)
            return s;
        pos += n;
    }
    return {};
}

Status sync(const Mapping &mapping)
{
    const int rc = mapping.isBlockDevice() ? ::fsync(mapping.fd()) : ::fdatasync(mapping.fd());
    if (rc != 0)
        return Error::fromErrno(errno, mapping.path());
    return {};
}

Status advise(const Mapping &mapping, Advice advice, ByteRange range)
{
    int value = POSIX_FADV_NORMAL;
    switch (advice) {
    case Advice::Normal: value = POSIX_FADV_NORMAL; break;
    case Advice::Random: value = POSIX_FADV_RANDOM; break;
    case Advice::Sequential: value = POSIX_FADV_SEQUENTIAL; break;
    case Advice::WillNeed: value = POSIX_FADV_WILLNEED; break;
    case Advice::DontNeed: value = POSIX_FADV_DONTNEED; break;
    }
    if (const int err = ::posix_fadvise(mapping.fd(), static_cast<off_t>(range.offset),
                                        static_cast<off_t>(range.size), value);
        err != 0)
        return Error::fromErrno(err, mapping.path());
    return {};
}

} // namespace hexmap::unmappedio
