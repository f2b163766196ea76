#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace hexmap {

// A read-only descriptor of one regular file for the scan engine (ScanEngine): pread into the caller's buffers
// and SEEK_DATA/SEEK_HOLE, never a mapping, so a file cut by another program gives a short read (reported as
// Errc::FileTruncated naming the offset) instead of a SIGBUS, and memory stays bounded by the buffers.
// Cheap to copy (the descriptor is shared and closed with the last copy).
// Thread: any; every const call may run concurrently from several threads (pread/lseek on one descriptor).
class ScanSource {
public:
    ScanSource() = default;

    // Opens `path` read-only (O_CLOEXEC) and records its size. An empty file is valid (size 0). A block device
    // opens too: its size is BLKGETSIZE64, it has no holes, and a detached or removed device reads short
    // (Errc::FileTruncated) or fails with EIO.
    // Fails with errno (ENOENT, EACCES...), Errc::IsDirectory, Errc::NotRegularFile (FIFO, socket, character
    // device), Errc::DevicePermission (EACCES on a block device); errors name the path.
    static Result<ScanSource> open(const std::string &path);

    bool isValid() const { return m_fd != nullptr; }
    const std::string &path() const { return m_path; }
    std::uint64_t size() const { return m_size; } // at open

    // Reads exactly buffer.size() bytes at `offset` (retrying EINTR and short reads). Fails with
    // Errc::FileTruncated when the file ends earlier (context: the path and the offset where it ended), errno.
    Status readExactly(std::uint64_t offset, std::span<std::byte> buffer) const;

    // The first offset >= `offset` inside [offset, end) holding data (SEEK_DATA), or `end` when only a hole
    // follows; `offset` itself where holes cannot be asked about (SEEK_DATA unsupported). Never fails.
    std::uint64_t nextData(std::uint64_t offset, std::uint64_t end) const;
    // The end of the data stretch starting at `offset` (SEEK_HOLE), clamped to `end`; `end` when unknown. Never
    // fails.
    std::uint64_t dataEnd(std::uint64_t offset, std::uint64_t end) const;

    // The file's current size (fstat). Fails with errno.
    Result<std::uint64_t> currentSize() const;
    // Tells the kernel the range will be read once, in order (posix_fadvise SEQUENTIAL). Never fails.
    void adviseSequential(ByteRange range) const;

private:
    struct Fd;
    std::shared_ptr<const Fd> m_fd;
    std::string m_path;
    std::uint64_t m_size = 0;
    bool m_isDevice = false;
};

} // namespace hexmap
