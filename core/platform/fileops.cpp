#include "core/platform/fileops.h"

#include "core/mappedfile.h"
#include "core/mapping.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap::fileops {
namespace {

struct PageSpan {
    std::byte *address;
    std::size_t length;
};

PageSpan pagesOf(const Mapping &mapping, ByteRange range)
{
    const std::uint64_t page = pageSize();
    const std::uint64_t begin = range.offset / page * page;
    return {mapping.base() + begin, static_cast<std::size_t>(range.end() - begin)};
}

Status fromErrno(const Mapping &mapping) { return Error::fromErrno(errno, mapping.path()); }

} // namespace

std::uint64_t pageSize()
{
    static const std::uint64_t size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

Status syncPages(const Mapping &mapping, ByteRange range)
{
    const PageSpan span = pagesOf(mapping, range);
    if (::msync(span.address, span.length, MS_SYNC) != 0)
        return fromErrno(mapping);
    return {};
}

Status startWriteback(const Mapping &mapping, ByteRange range)
{
    if (::sync_file_range(mapping.fd(), static_cast<off_t>(range.offset), static_cast<off_t>(range.size),
                          SYNC_FILE_RANGE_WRITE) != 0)
        return fromErrno(mapping);
    return {};
}

Status advise(const Mapping &mapping, Advice advice, ByteRange range)
{
    int value = MADV_NORMAL;
    switch (advice) {
    case Advice::Normal: value = MADV_NORMAL; break;
    case Advice::Random: value = MADV_RANDOM; break;
    case Advice::Sequential: value = MADV_SEQUENTIAL; break;
    case Advice::WillNeed: value = MADV_WILLNEED; break;
    case Advice::DontNeed: value = MADV_DONTNEED; break;
    }
    const PageSpan span = pagesOf(mapping, range);
    if (::madvise(span.address, span.length, value) != 0)
        return fromErrno(mapping);
    return {};
}

Status populateWrite(const Mapping &mapping, ByteRange range)
{
#ifdef MADV_POPULATE_WRITE
    const PageSpan span = pagesOf(mapping, range);
    if (::madvise(span.address, span.length, MADV_POPULATE_WRITE) != 0)
        return fromErrno(mapping);
    return {};
#else
    (void)range;
    return Error::fromErrno(ENOSYS, mapping.path());
#endif
}

Status zeroBlocks(const Mapping &mapping, ByteRange range, bool release)
{
    // KEEP_SIZE for both: zeroing must never change the size, even over a range that another process cut off the
    // file after the caller's size check (ZERO_RANGE alone would regrow the file to the range end).
    const int mode = (release ? FALLOC_FL_PUNCH_HOLE : FALLOC_FL_ZERO_RANGE) | FALLOC_FL_KEEP_SIZE;
    if (::fallocate(mapping.fd(), mode, static_cast<off_t>(range.offset), static_cast<off_t>(range.size)) != 0)
        return fromErrno(mapping);
    return {};
}

Status reserveBlocks(const Mapping &mapping, ByteRange range)
{
    // SEEK_HOLE returns the first hole at or after the offset (the end of file counts as one). No hole before the
    // range end means every block is allocated already. On any error (or no SEEK_HOLE support) just reserve.
    const off_t hole = ::lseek(mapping.fd(), static_cast<off_t>(range.offset), SEEK_HOLE);
    if (hole >= 0 && static_cast<std::uint64_t>(hole) >= range.end())
        return {};
    // fallocate KEEP_SIZE, not posix_fallocate: reserving must never change the size, even when another process
    // cut the file after the caller's size check (posix_fallocate would regrow it to the range end). If the cut
    // lands just before this call, the blocks past the new end stay allocated (not counted in the size) until the
    // file is next truncated: disk space, never bytes.
    int rc = 0;
    do
        rc = ::fallocate(mapping.fd(), FALLOC_FL_KEEP_SIZE, static_cast<off_t>(range.offset),
                         static_cast<off_t>(range.size));
    while (rc != 0 && errno == EINTR);
    if (rc == 0)
        return {};
    if (errno != EOPNOTSUPP && errno != ENOSYS)
        return fromErrno(mapping);
    // No fallocate on this filesystem: glibc's emulation writes a byte per block, so only below the size on disk
    // (a cut landing between this fstat and the emulation's writes can still regrow the file: docs/RELIABILITY.md).
    struct stat st {};
    if (::fstat(mapping.fd(), &st) != 0)
        return fromErrno(mapping);
    const std::uint64_t end = std::min<std::uint64_t>(range.end(), static_cast<std::uint64_t>(st.st_size));
    if (end <= range.offset)
        return {}; // all of it is past the end on disk: the caller's size check reports the truncation
    const int err = ::posix_fallocate(mapping.fd(), static_cast<off_t>(range.offset),
                                      static_cast<off_t>(end - range.offset));
    if (err != 0)
        return Error::fromErrno(err, mapping.path());
    return {};
}

Status writeBlocks(const Mapping &mapping, std::uint64_t offset, const std::byte *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(mapping.fd(), data, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fromErrno(mapping);
        if (n == 0)
            return Error::fromErrno(EIO, mapping.path());
        const auto written = static_cast<std::size_t>(n);
        data += written;
        size -= written;
        offset += written;
    }
    return {};
}

Result<std::uint64_t> sizeOnDisk(const Mapping &mapping)
{
    struct stat st {};
    if (::fstat(mapping.fd(), &st) != 0)
        return Error::fromErrno(errno, mapping.path());
    return static_cast<std::uint64_t>(st.st_size);
}

std::uint64_t blockSize(const Mapping &mapping)
{
    struct stat st {};
    if (::fstat(mapping.fd(), &st) != 0 || st.st_blksize < 512)
        return 512;
    return static_cast<std::uint64_t>(st.st_blksize);
}

} // namespace hexmap::fileops
