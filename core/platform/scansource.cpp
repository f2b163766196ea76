#include "core/scansource.h"

#include "core/platform/deviceops.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {

struct ScanSource::Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

Result<ScanSource> ScanSource::open(const std::string &path)
{
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int err = errno;
        struct stat node {};
        if (err == EACCES && ::stat(path.c_str(), &node) == 0 && S_ISBLK(node.st_mode))
            return deviceops::permissionDenied(node, path);
        return Error::fromErrno(err, path);
    }
    auto owner = std::make_shared<const Fd>(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, path);
    if (S_ISDIR(st.st_mode))
        return Error{make_error_code(Errc::IsDirectory), path};
    const bool isDevice = S_ISBLK(st.st_mode);
    if (!S_ISREG(st.st_mode) && !isDevice)
        return Error{make_error_code(Errc::NotRegularFile), path};
    std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
    if (isDevice) {
        auto bytes = deviceops::size(fd, path);
        if (!bytes)
            return bytes.error();
        size = *bytes;
    }
    // O_NONBLOCK only kept open() from hanging on a FIFO; regular files ignore it, but clear it anyway.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    ScanSource source;
    source.m_fd = std::move(owner);
    source.m_path = path;
    source.m_size = size;
    source.m_isDevice = isDevice;
    return source;
}

Status ScanSource::readExactly(std::uint64_t offset, std::span<std::byte> buffer) const
{
    std::size_t done = 0;
    while (done < buffer.size()) {
        const ssize_t n = ::pread(m_fd->fd, buffer.data() + done, buffer.size() - done,
                                  static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, m_path + " at offset " + std::to_string(offset + done));
        if (n == 0)
            return Error{make_error_code(Errc::FileTruncated),
                         m_path + ": the file ends at offset " + std::to_string(offset + done) +
                             " (it was cut during the scan)"};
        done += static_cast<std::size_t>(n);
    }
    return {};
}

std::uint64_t ScanSource::nextData(std::uint64_t offset, std::uint64_t end) const
{
    if (offset >= end)
        return end;
    if (m_isDevice)
        return offset; // no holes on a device
    const off_t data = ::lseek(m_fd->fd, static_cast<off_t>(offset), SEEK_DATA);
    if (data < 0)
        return errno == ENXIO ? end : offset; // ENXIO: only a hole (or the end of the file) follows
    return std::min<std::uint64_t>(static_cast<std::uint64_t>(data), end);
}

std::uint64_t ScanSource::dataEnd(std::uint64_t offset, std::uint64_t end) const
{
    if (m_isDevice)
        return end;
    const off_t hole = ::lseek(m_fd->fd, static_cast<off_t>(offset), SEEK_HOLE);
    if (hole < 0 || static_cast<std::uint64_t>(hole) <= offset)
        return end;
    return std::min<std::uint64_t>(static_cast<std::uint64_t>(hole), end);
}

Result<std::uint64_t> ScanSource::currentSize() const
{
    if (m_isDevice)
        return deviceops::size(m_fd->fd, m_path); // 0 once a loop device is detached or a disk removed
    struct stat st {};
    if (::fstat(m_fd->fd, &st) != 0)
        return Error::fromErrno(errno, m_path);
    return static_cast<std::uint64_t>(st.st_size);
}

void ScanSource::adviseSequential(ByteRange range) const
{
    (void)::posix_fadvise(m_fd->fd, static_cast<off_t>(range.offset), static_cast<off_t>(range.size),
                          POSIX_FADV_SEQUENTIAL);
}

} // namespace hexmap
