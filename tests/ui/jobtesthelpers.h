#pragma once

// Shared by the jobs GUI suites: read a file through an independent path (pread), not the mapping.
#include <QString>

#include <cstdint>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace jobtest {

inline std::vector<unsigned char> preadAll(const QString &path, std::uint64_t size)
{
    std::vector<unsigned char> out(size);
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY);
    std::uint64_t got = 0;
    while (fd >= 0 && got < size) {
        const ssize_t n = ::pread(fd, out.data() + got, size - got, off_t(got));
        if (n <= 0)
            break;
        got += std::uint64_t(n);
    }
    if (fd >= 0)
        ::close(fd);
    out.resize(got);
    return out;
}

} // namespace jobtest
