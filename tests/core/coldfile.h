#pragma once
// Shared by the search cancel tests: a file of real data (no hole the scan engine could skip) whose pages are dropped
// from the page cache, so a scan of it reads the disk and lasts long enough to be cancelled mid-way.
// Header-only; test thread only.

#include <QFile>
#include <QString>

#include <algorithm>

#include <cstdint>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace hexmap::testing {

// Writes `size` bytes (`value` repeated) to `path`, syncs them and drops them from the page cache
// (POSIX_FADV_DONTNEED: clean pages go; tmpfs ignores it, the scan is then merely faster). False on any failure.
inline bool writeColdFile(const QString &path, std::uint64_t size, unsigned char value = 0x55)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const std::vector<unsigned char> block(1u << 20, value);
    bool ok = true;
    for (std::uint64_t done = 0; ok && done < size;) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), size - done));
        ok = ::pwrite(fd, block.data(), n, static_cast<off_t>(done)) == static_cast<ssize_t>(n);
        done += n;
    }
    ok = ok && ::fdatasync(fd) == 0 && ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    return ::close(fd) == 0 && ok;
}

} // namespace hexmap::testing
