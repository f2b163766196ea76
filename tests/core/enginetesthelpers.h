#pragma once
// Shared helpers of the engine suites (tst_mappedfile*, tst_rangeallocator): an independent read path (pread),
// stat access and byte patterns. Header-only; test thread only.

#include "core/mappedfile.h"

#include <QtTest>

#include <cstddef>
#include <cstdint>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace enginetest {

inline std::uint64_t page() { return static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)); }

// Reads [offset, offset + size) of `path` with pread on a fresh descriptor: never through the engine's mapping.
inline std::vector<std::byte> preadBytes(const std::string &path, std::uint64_t offset, std::uint64_t size)
{
    std::vector<std::byte> out(static_cast<std::size_t>(size));
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
        if (n <= 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(done);
    return out;
}

inline struct stat statOf(const std::string &path)
{
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st;
}

inline std::uint64_t allocatedBytes(const std::string &path)
{
    return static_cast<std::uint64_t>(statOf(path).st_blocks) * 512;
}

// A byte that depends on the position and a seed, so that shifted or swapped ranges are detected.
inline std::byte patternByte(std::uint64_t position, std::uint64_t seed)
{
    return static_cast<std::byte>((position * 131 + seed * 977 + (position >> 12)) & 0xff);
}

inline std::vector<std::byte> patternBytes(std::uint64_t position, std::uint64_t size, std::uint64_t seed)
{
    std::vector<std::byte> out(static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = patternByte(position + i, seed);
    return out;
}

inline std::string pathIn(const QTemporaryDir &dir, const char *name)
{
    return dir.filePath(QString::fromUtf8(name)).toStdString();
}

inline bool allEqual(const std::vector<std::byte> &bytes, std::byte value)
{
    for (std::byte b : bytes)
        if (b != value)
            return false;
    return true;
}

} // namespace enginetest
