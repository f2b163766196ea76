#include "core/jobspace.h"

#include "core/platform/fileops.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace hexmap {

JobSpace::~JobSpace()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool JobSpace::openOwnDescriptor(const MappedFile &file)
{
    m_path = file.path();
    const int fd = ::open(m_path.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return false;
    struct stat st {};
    const FileIdentity mapped = file.identity();
    if (::fstat(fd, &st) != 0 || static_cast<std::uint64_t>(st.st_dev) != mapped.device
        || static_cast<std::uint64_t>(st.st_ino) != mapped.inode) {
        ::close(fd); // the path names another file now (replaced, renamed, deleted): not ours to change
        return false;
    }
    m_fd = fd;
    m_block = std::max<std::uint64_t>(st.st_blksize >= 512 ? static_cast<std::uint64_t>(st.st_blksize) : 512,
                                      MappedFile::pageSize());
    return true;
}

Status JobSpace::reserve(MappedFile &file, ByteRange range)
{
    if (range.isEmpty() || file.isBlockDevice())
        return {}; // a device has every block already: nothing to reserve, nothing ever punched
    if (!openOwnDescriptor(file))
        return file.reserve(range); // no record: nothing can be given back (see the class comment)
    // Past kMaxHoles holes the rest of the range is not reserved (its writes allocate as they go): every block
    // this worker reserves is in its record.
    auto holes = fileops::listHoles(m_fd, m_path, range, kMaxHoles);
    if (!holes)
        return file.reserve(range); // cannot tell the holes apart: reserve as before, without a record
    for (const ByteRange &hole : *holes) {
        // Recorded before the call: a failing fallocate may still have allocated part of the hole.
        m_reserved.push_back(hole);
        auto s = fileops::allocateKeepSize(m_fd, m_path, hole);
        if (!s && (s.code() == std::errc::operation_not_supported || s.code() == std::errc::function_not_supported)) {
            m_reserved.clear(); // no fallocate on this filesystem: nothing reserved, writes allocate lazily
            return {};
        }
        if (!s) {
            giveBack(range.offset);
            return s;
        }
    }
    return {};
}

void JobSpace::giveBack(std::uint64_t from)
{
    for (const ByteRange &hole : m_reserved) {
        const std::uint64_t begin = std::max(hole.offset, from);
        const std::uint64_t first = (begin + m_block - 1) / m_block * m_block;
        const std::uint64_t last = hole.end() / m_block * m_block;
        if (last > first)
            (void)fileops::punchHole(m_fd, m_path, ByteRange::fromBounds(first, last));
    }
    m_reserved.clear();
}

std::uint64_t JobSpace::reservedBytes() const
{
    std::uint64_t total = 0;
    for (const ByteRange &hole : m_reserved)
        total += hole.size;
    return total;
}

Error JobSpace::faultError(const MappedFile &file) const
{
    struct statvfs vfs {};
    const int rc = m_fd >= 0 ? ::fstatvfs(m_fd, &vfs) : ::statvfs(file.path().c_str(), &vfs);
    const bool full = rc == 0 && vfs.f_bavail == 0;
    return Error::fromErrno(full ? ENOSPC : EIO, file.path());
}

} // namespace hexmap
