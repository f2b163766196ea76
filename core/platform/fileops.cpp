#include "core/platform/fileops.h"

#include "core/mappedfile.h"
#include "core/mapping.h"
#include "core/platform/deviceops.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
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
    // In steps of 1 MiB: one call over a whole job chunk (16+ MiB) stayed 24-50 ms in the kernel holding the
    // process's mapping lock for reading, and every brk/mmap of the GUI thread (a malloc) waited for it. Measured with
    // `perf sched timehist` during bench_guilatency's 2 GiB fill: 243 waits of the GUI thread in brk on that lock (up
    // to 24 ms) before, 2 after.
    // A step that is a hole in the file is first put into the page cache as zeroes (POSIX_FADV_WILLNEED, which for a
    // hole only allocates and clears pages). Otherwise the first write fault there runs the fault's readahead: up to
    // read_ahead_kb (8 MiB on this machine's disk) of large folios cleared by memset inside that one fault, 20-40 ms
    // in the kernel where a PREEMPT_NONE kernel switches to no other thread, whatever the worker's priority, so the
    // woken GUI thread waited that long (issue 20: `perf record` put 82 % of a filling thread's time there, `perf
    // sched timehist` showed the GUI thread's delays matching the worker's runs). Through the hint each syscall
    // clears at most one step and is preemptible at its return; the fill of a new file also ran faster
    // (docs/BENCHMARKS.md). Steps with data are left to the fault's readahead: there it reads from the disk
    // asynchronously and the fault sleeps (preemptible), and the hint in 1 MiB steps was measured slower.
    constexpr std::size_t kStep = std::size_t(1) << 20;
    const PageSpan span = pagesOf(mapping, range);
    const auto fileOffset = static_cast<off_t>(span.address - mapping.base());
    for (std::size_t done = 0; done < span.length; done += kStep) {
        const std::size_t length = std::min(kStep, span.length - done);
        const off_t at = fileOffset + static_cast<off_t>(done);
        // SEEK_DATA: the next data at or after `at`; ENXIO when only a hole follows. A device or a file system
        // without it (EINVAL) counts as data. The hint's own failure only loses the speed-up.
        const off_t data = ::lseek(mapping.fd(), at, SEEK_DATA);
        if ((data < 0 && errno == ENXIO) || (data >= 0 && data >= at + static_cast<off_t>(length)))
            (void)::posix_fadvise(mapping.fd(), at, static_cast<off_t>(length), POSIX_FADV_WILLNEED);
        if (::madvise(span.address + done, length, MADV_POPULATE_WRITE) != 0)
            return fromErrno(mapping);
    }
    return {};
#else
    (void)range;
    return Error::fromErrno(ENOSYS, mapping.path());
#endif
}

Status zeroBlocks(const Mapping &mapping, ByteRange range, bool release)
{
    if (mapping.isBlockDevice())
        return deviceops::zeroRange(mapping.fd(), mapping.path(), range, mapping.logicalSectorSize(), release);
    // KEEP_SIZE for both: zeroing must never change the size, even over a range that another process cut off the
    // file after the caller's size check (ZERO_RANGE alone would regrow the file to the range end).
    const int mode = (release ? FALLOC_FL_PUNCH_HOLE : FALLOC_FL_ZERO_RANGE) | FALLOC_FL_KEEP_SIZE;
    if (::fallocate(mapping.fd(), mode, static_cast<off_t>(range.offset), static_cast<off_t>(range.size)) != 0)
        return fromErrno(mapping);
    return {};
}

Status reserveBlocks(const Mapping &mapping, ByteRange range)
{
    if (mapping.isBlockDevice())
        return {}; // a device has every block already
    // SEEK_HOLE returns the first hole at or after the offset (the end of file counts as one). No hole before the
    // range end means every block is allocated already. On any error (or no SEEK_HOLE support) just reserve.
    const off_t hole = ::lseek(mapping.fd(), static_cast<off_t>(range.offset), SEEK_HOLE);
    if (hole >= 0 && static_cast<std::uint64_t>(hole) >= range.end())
        return {};
    // fallocate KEEP_SIZE, not posix_fallocate: reserving must never change the size, even when another process
    // cut the file after the caller's size check (posix_fallocate would regrow it to the range end). If the cut
    // lands just before this call, the blocks past the new end stay allocated (not counted in the size) until the
    // file is next truncated: disk space, never bytes.
    auto s = allocateKeepSize(mapping.fd(), mapping.path(), range);
    if (!s && (s.code() == std::errc::operation_not_supported || s.code() == std::errc::function_not_supported))
        return {}; // no fallocate here: nothing to reserve without writing (see the header)
    return s;
}

ByteRange nextData(const Mapping &mapping, ByteRange range)
{
    if (mapping.isBlockDevice())
        return range; // no holes on a device
    const off_t data = ::lseek(mapping.fd(), static_cast<off_t>(range.offset), SEEK_DATA);
    if (data < 0)
        return errno == ENXIO ? ByteRange{range.end(), 0} : range; // ENXIO: only a hole (or the end) follows
    const std::uint64_t begin = std::min<std::uint64_t>(static_cast<std::uint64_t>(data), range.end());
    if (begin == range.end())
        return {begin, 0};
    const off_t hole = ::lseek(mapping.fd(), static_cast<off_t>(begin), SEEK_HOLE);
    const std::uint64_t end =
        hole < 0 ? range.end() : std::min<std::uint64_t>(static_cast<std::uint64_t>(hole), range.end());
    return ByteRange::fromBounds(begin, std::max(begin, end));
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
    if (mapping.isBlockDevice())
        return deviceops::size(mapping.fd(), mapping.path());
    struct stat st {};
    if (::fstat(mapping.fd(), &st) != 0)
        return Error::fromErrno(errno, mapping.path());
    return static_cast<std::uint64_t>(st.st_size);
}

std::uint64_t blockSize(const Mapping &mapping)
{
    if (mapping.isBlockDevice())
        return std::max<std::uint64_t>(mapping.logicalSectorSize(), 512);
    struct stat st {};
    if (::fstat(mapping.fd(), &st) != 0 || st.st_blksize < 512)
        return 512;
    return static_cast<std::uint64_t>(st.st_blksize);
}

namespace {

// listHoles without FIEMAP: SEEK_DATA/SEEK_HOLE (unwritten extents without cached data count as holes there, but
// filesystems without FIEMAP - tmpfs - have none).
Result<std::vector<ByteRange>> seekHoles(int fd, const std::string &path, ByteRange range, std::size_t maxHoles,
                                         std::uint64_t *complete)
{
    std::vector<ByteRange> holes;
    std::uint64_t pos = range.offset;
    while (pos < range.end()) {
        if (holes.size() == maxHoles) {
            if (complete)
                *complete = pos;
            return holes;
        }
        const off_t hole = ::lseek(fd, static_cast<off_t>(pos), SEEK_HOLE);
        if (hole < 0)
            return errno == ENXIO ? holes : Result<std::vector<ByteRange>>(Error::fromErrno(errno, path));
        const std::uint64_t begin = static_cast<std::uint64_t>(hole);
        if (begin >= range.end())
            break;
        const off_t data = ::lseek(fd, static_cast<off_t>(begin), SEEK_DATA);
        if (data < 0 && errno != ENXIO)
            return Error::fromErrno(errno, path);
        const std::uint64_t end =
            data < 0 ? range.end() : std::min<std::uint64_t>(static_cast<std::uint64_t>(data), range.end());
        holes.push_back(ByteRange::fromBounds(begin, end));
        pos = end;
    }
    if (complete)
        *complete = range.end();
    return holes;
}

} // namespace

Result<std::vector<ByteRange>> listHoles(int fd, const std::string &path, ByteRange range, std::size_t maxHoles,
                                         std::uint64_t *complete)
{
    // SEEK_HOLE counts unwritten extents as holes too, so "no hole before the end" is certain: the common case of
    // overwriting an allocated file needs no extent walk.
    if (const off_t hole = ::lseek(fd, static_cast<off_t>(range.offset), SEEK_HOLE);
        hole >= 0 && static_cast<std::uint64_t>(hole) >= range.end()) {
        if (complete)
            *complete = range.end();
        return std::vector<ByteRange>{};
    }
    constexpr std::uint32_t kExtents = 128;
    // 8-byte words: struct fiemap and its extents are made of 64- and 32-bit fields.
    std::vector<std::uint64_t> buffer((sizeof(struct fiemap) + kExtents * sizeof(struct fiemap_extent)) / 8 + 1);
    auto *map = reinterpret_cast<struct fiemap *>(buffer.data());
    std::vector<ByteRange> holes;
    std::uint64_t cursor = range.offset; // everything before it is listed
    auto addHole = [&](std::uint64_t end) {
        end = std::min(end, range.end());
        if (end > cursor)
            holes.push_back(ByteRange::fromBounds(cursor, end));
    };
    while (cursor < range.end() && holes.size() < maxHoles) {
        std::fill(buffer.begin(), buffer.end(), std::uint64_t{0});
        map->fm_start = cursor;
        map->fm_length = range.end() - cursor;
        map->fm_flags = 0; // no FIEMAP_FLAG_SYNC: delayed (dirty, not yet allocated) extents are reported as such
        map->fm_extent_count = kExtents;
        if (::ioctl(fd, FS_IOC_FIEMAP, map) != 0) {
            if ((errno == EOPNOTSUPP || errno == ENOTTY) && cursor == range.offset)
                return seekHoles(fd, path, range, maxHoles, complete);
            return Error::fromErrno(errno, path);
        }
        bool last = map->fm_mapped_extents == 0;
        const std::uint64_t walked = cursor;
        for (std::uint32_t i = 0; i < map->fm_mapped_extents; ++i) {
            const struct fiemap_extent &e = map->fm_extents[i];
            addHole(e.fe_logical);
            cursor = std::max<std::uint64_t>(cursor, e.fe_logical + e.fe_length);
            last = last || (e.fe_flags & FIEMAP_EXTENT_LAST) != 0;
        }
        if (last || cursor >= range.end()) {
            addHole(range.end()); // no extent after the last one: a hole up to the range end
            cursor = range.end();
        } else if (cursor == walked) {
            break; // no progress (a filesystem reporting empty extents): the rest stays unlisted
        }
    }
    std::uint64_t listed = std::min(cursor, range.end());
    if (holes.size() > maxHoles) {
        listed = holes[maxHoles].offset;
        holes.resize(maxHoles);
    }
    if (complete)
        *complete = listed;
    return holes;
}

Status allocateKeepSize(int fd, const std::string &path, ByteRange range)
{
    int rc = 0;
    do
        rc = ::fallocate(fd, FALLOC_FL_KEEP_SIZE, static_cast<off_t>(range.offset), static_cast<off_t>(range.size));
    while (rc != 0 && errno == EINTR);
    if (rc != 0)
        return Error::fromErrno(errno, path);
    return {};
}

Status punchHole(int fd, const std::string &path, ByteRange range)
{
    if (::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(range.offset),
                    static_cast<off_t>(range.size)) != 0)
        return Error::fromErrno(errno, path);
    return {};
}

} // namespace hexmap::fileops
