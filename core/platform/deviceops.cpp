#include "core/platform/deviceops.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <grp.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hexmap::deviceops {

Result<std::uint64_t> size(int fd, const std::string &path)
{
    std::uint64_t bytes = 0;
    if (::ioctl(fd, BLKGETSIZE64, &bytes) != 0)
        return Error::fromErrno(errno, path);
    return bytes;
}

bool isReadOnlyDevice(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return false;
    struct stat st {};
    int readOnly = 0;
    const bool result = ::fstat(fd, &st) == 0 && S_ISBLK(st.st_mode) && ::ioctl(fd, BLKROGET, &readOnly) == 0
        && readOnly != 0;
    ::close(fd);
    return result;
}

Result<Geometry> geometry(int fd, const std::string &path)
{
    Geometry g;
    auto bytes = size(fd, path);
    if (!bytes)
        return bytes.error();
    g.size = *bytes;
    int logical = 0;
    unsigned int physical = 0;
    int readOnly = 0;
    if (::ioctl(fd, BLKSSZGET, &logical) != 0 || ::ioctl(fd, BLKPBSZGET, &physical) != 0
        || ::ioctl(fd, BLKROGET, &readOnly) != 0)
        return Error::fromErrno(errno, path);
    if (logical > 0)
        g.logicalSector = static_cast<std::uint32_t>(logical);
    if (physical > 0)
        g.physicalSector = physical;
    g.readOnly = readOnly != 0;
    return g;
}

Error permissionDenied(const struct stat &st, const std::string &path)
{
    std::string group = "disk";
    std::vector<char> buffer(16384);
    struct group entry {};
    struct group *found = nullptr;
    if (::getgrgid_r(st.st_gid, &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->gr_name)
        group = found->gr_name;
    return Error{make_error_code(Errc::DevicePermission), path + " (device group '" + group + "')"};
}

namespace {

Status zeroOut(int fd, const std::string &path, std::uint64_t offset, std::uint64_t length)
{
    std::uint64_t range[2] = {offset, length};
    int rc;
    do {
        rc = ::ioctl(fd, BLKZEROOUT, range);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0)
        return Error::fromErrno(errno, path);
    return {};
}

Status discardZeroes(int fd, const std::string &path, std::uint64_t offset, std::uint64_t length)
{
    int rc;
    do {
        rc = ::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(offset),
                         static_cast<off_t>(length));
    } while (rc != 0 && errno == EINTR);
    if (rc == 0)
        return {};
    if (errno == EOPNOTSUPP)
        return Error{make_error_code(Errc::DeviceCannotDiscard), path};
    return Error::fromErrno(errno, path);
}

Status writeZeros(int fd, const std::string &path, std::uint64_t offset, std::uint64_t length)
{
    static const std::vector<char> zeros(64 * 1024, 0);
    while (length > 0) {
        const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(length, zeros.size()));
        const ssize_t n = ::pwrite(fd, zeros.data(), chunk, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error::fromErrno(n < 0 ? errno : EIO, path);
        offset += static_cast<std::uint64_t>(n);
        length -= static_cast<std::uint64_t>(n);
    }
    return {};
}

} // namespace

Status zeroRange(int fd, const std::string &path, ByteRange range, std::uint32_t logicalSector, bool release)
{
    const std::uint64_t sector = std::max<std::uint32_t>(logicalSector, 512);
    const std::uint64_t first = (range.offset + sector - 1) / sector * sector;
    const std::uint64_t last = range.end() / sector * sector;
    if (last <= first) // no whole sector inside: only bytes of one or two partial sectors
        return writeZeros(fd, path, range.offset, range.size);
    // Dirty cached pages in the range make the kernel's invalidation fail with EBUSY when someone holds the device
    // exclusively (the CLI's own O_EXCL claim, a mount): write them back first (whole pages around the sectors).
    const std::uint64_t page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const std::uint64_t flushFrom = first / page * page;
    const std::uint64_t flushTo = (last + page - 1) / page * page;
    if (::sync_file_range(fd, static_cast<off_t>(flushFrom), static_cast<off_t>(flushTo - flushFrom),
                          SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER) != 0)
        return Error::fromErrno(errno, path);
    if (auto s = release ? discardZeroes(fd, path, first, last - first) : zeroOut(fd, path, first, last - first); !s)
        return s;
    // The partial sectors at the ends last: their pwrite dirties the pages the ioctl would have to invalidate.
    if (auto s = writeZeros(fd, path, range.offset, first - range.offset); !s)
        return s;
    return writeZeros(fd, path, last, range.end() - last);
}

} // namespace hexmap::deviceops
