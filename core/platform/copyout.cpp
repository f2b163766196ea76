#include "core/copyout.h"

#include "core/mappedfile.h"
#include "core/platform/recoveryhelpers.h"
#include "core/writelock.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <cstdlib>
#include <memory>
#include <span>
#include <vector>

namespace hexmap {
namespace {

constexpr std::uint64_t kKernelChunk = 64u << 20; // one copy_file_range call: cancel and progress in between
constexpr std::size_t kBufferSize = 4u << 20; // a multiple of any page size

Error errnoAt(int err, const std::string &what) { return Error::fromErrno(err, what); }

// copy_file_range refusals that mean "not between these two files": copy through a buffer instead.
bool kernelCopyUnsupported(int err)
{
    return err == EXDEV || err == EINVAL || err == ENOSYS || err == EOPNOTSUPP || err == EBADF;
}

// The first offset in [offset, end) holding data: `end` when only a hole follows (ENXIO), `offset` itself where
// holes cannot be asked about.
std::uint64_t nextData(int fd, std::uint64_t offset, std::uint64_t end)
{
    const off_t at = ::lseek(fd, static_cast<off_t>(offset), SEEK_DATA);
    if (at < 0)
        return errno == ENXIO ? end : offset;
    return std::min(static_cast<std::uint64_t>(at), end);
}

// The end of the data stretch at `offset` (SEEK_HOLE), clamped to `end`; `end` when unknown. Always > offset.
std::uint64_t dataEnd(int fd, std::uint64_t offset, std::uint64_t end)
{
    const off_t at = ::lseek(fd, static_cast<off_t>(offset), SEEK_HOLE);
    if (at < 0 || static_cast<std::uint64_t>(at) <= offset)
        return end;
    return std::min(static_cast<std::uint64_t>(at), end);
}

} // namespace

Result<std::unique_ptr<CopyOut>> CopyOut::prepare(const MappedFile &source, ByteRange range,
                                                  std::vector<EditOverlay::Run> edits, std::string destination)
{
    if (!source.isValid() || range.end() > source.size() || destination.empty())
        return Error{make_error_code(Errc::InvalidArgument), destination.empty() ? "(no destination)" : destination};
    struct stat target {};
    if (::stat(destination.c_str(), &target) == 0) {
        const FileIdentity id = source.identity();
        if (target.st_dev == id.device && target.st_ino == id.inode)
            return Error{make_error_code(Errc::InvalidArgument), destination + " is the file being copied"};
        if (!S_ISREG(target.st_mode))
            return Error{make_error_code(Errc::NotRegularFile), destination};
        auto holder = WriteLock::holderOfPath(destination);
        if (holder && *holder)
            return Error{make_error_code(Errc::WriteLocked),
                         destination + " (being written by " + (*holder)->describe() + ")"};
    }
    auto fd = source.duplicateDescriptor();
    if (!fd)
        return fd.error();
    return std::unique_ptr<CopyOut>(
        new CopyOut(*fd, source.path(), range, std::move(edits), std::move(destination)));
}

CopyOut::CopyOut(int sourceFd, std::string sourcePath, ByteRange range, std::vector<EditOverlay::Run> edits,
                 std::string destination)
    : m_source(sourceFd), m_sourcePath(std::move(sourcePath)), m_range(range), m_edits(std::move(edits)),
      m_destination(std::move(destination))
{
}

CopyOut::~CopyOut()
{
    if (m_source >= 0)
        ::close(m_source);
}

Status CopyOut::run()
{
    auto temp = SiblingTempFile::create(m_destination);
    if (!temp)
        return temp.error();
    const int out = temp->fd();
    if (auto space = checkSpace(out); !space)
        return space;
    if (::ftruncate(out, static_cast<off_t>(m_range.size)) != 0)
        return errnoAt(errno, m_destination);
    if (auto copied = copyData(out); !copied)
        return copied;
    if (auto edited = writeEdits(out); !edited)
        return edited;
    if (m_cancel.load(std::memory_order_relaxed))
        return Error{make_error_code(Errc::Cancelled), m_destination};
    if (auto whole = checkSourceLength(); !whole)
        return whole;
    return temp->commit();
}

Status CopyOut::checkSourceLength() const
{
    // A source cut during the copy reads as a hole from its new end on (SEEK_DATA says ENXIO there), which would
    // copy zeros in place of the lost bytes: after the copy the source must still reach the range's end.
    struct stat st {};
    if (::fstat(m_source, &st) != 0)
        return errnoAt(errno, m_sourcePath);
    if (!S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) >= m_range.end())
        return {};
    return sourceCut(m_range.end());
}

Error CopyOut::sourceCut(std::uint64_t reached) const
{
    // Where the source ends now (the copy may have stopped above it: the cut came during a long copy call).
    struct stat st {};
    const std::uint64_t end = ::fstat(m_source, &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : reached;
    const std::string where = reached < m_range.end() ? ", which had copied " + std::to_string(reached - m_range.offset)
                                                            + " of " + std::to_string(m_range.size) + " bytes"
                                                      : std::string();
    return Error{make_error_code(Errc::FileTruncated),
                 m_sourcePath + " ends at " + std::to_string(end) + " (another program cut it during the copy" + where
                     + ")"};
}

std::uint64_t CopyOut::dataBytes() const
{
    std::uint64_t total = 0;
    for (std::uint64_t at = m_range.offset; at < m_range.end();) {
        const std::uint64_t data = nextData(m_source, at, m_range.end());
        if (data >= m_range.end())
            break;
        const std::uint64_t hole = dataEnd(m_source, data, m_range.end());
        total += hole - data;
        at = hole;
    }
    return total;
}

Status CopyOut::checkSpace(int destinationFd) const
{
    struct statvfs fs {};
    if (::fstatvfs(destinationFd, &fs) != 0)
        return {}; // unknown: the copy itself reports ENOSPC
    const std::uint64_t available = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    const std::uint64_t needed = dataBytes();
    if (needed <= available)
        return {};
    return errnoAt(ENOSPC, m_destination + " (the copy needs " + std::to_string(needed) + " bytes, "
                               + std::to_string(available) + " are free)");
}

Status CopyOut::copyData(int out)
{
    for (std::uint64_t at = m_range.offset; at < m_range.end();) {
        const std::uint64_t data = nextData(m_source, at, m_range.end());
        if (data > at) { // a hole: already a hole in the copy (ftruncate)
            m_stats.holesSkipped += data - at;
            m_done.fetch_add(data - at, std::memory_order_relaxed);
        }
        if (data >= m_range.end())
            break;
        const std::uint64_t hole = dataEnd(m_source, data, m_range.end());
        if (auto copied = copyStretch(out, data, hole); !copied)
            return copied;
        at = hole;
    }
    return {};
}

Status CopyOut::copyStretch(int out, std::uint64_t from, std::uint64_t to)
{
    to = std::min(to, m_range.end());
    while (from < to) {
        if (m_cancel.load(std::memory_order_relaxed))
            return Error{make_error_code(Errc::Cancelled), m_destination};
        if (!m_kernelCopy)
            return bufferCopy(out, from, to);
        off_t in = static_cast<off_t>(from);
        off_t at = static_cast<off_t>(from - m_range.offset);
        const auto want = static_cast<std::size_t>(std::min(kKernelChunk, to - from));
        const ssize_t n = ::copy_file_range(m_source, &in, out, &at, want, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && kernelCopyUnsupported(errno)) {
            m_kernelCopy = false;
            continue;
        }
        if (n < 0)
            return errnoAt(errno, errno == ENOSPC || errno == EDQUOT ? m_destination : m_sourcePath);
        if (n == 0)
            return sourceCut(from);
        from += static_cast<std::uint64_t>(n);
        m_stats.kernelCopied += static_cast<std::uint64_t>(n);
        m_done.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
    }
    return {};
}

Status CopyOut::bufferCopy(int out, std::uint64_t from, std::uint64_t to)
{
    // Page-aligned: the kernel copies cached pages into an aligned buffer several times faster than into malloc's.
    struct Free {
        void operator()(void *p) const { std::free(p); }
    };
    const std::unique_ptr<std::byte, Free> memory(static_cast<std::byte *>(std::aligned_alloc(MappedFile::pageSize(), kBufferSize)));
    if (!memory)
        return errnoAt(ENOMEM, m_destination);
    const std::span<std::byte> buffer(memory.get(), kBufferSize);
    while (from < to) {
        if (m_cancel.load(std::memory_order_relaxed))
            return Error{make_error_code(Errc::Cancelled), m_destination};
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), to - from));
        const ssize_t n = ::pread(m_source, buffer.data(), want, static_cast<off_t>(from));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errnoAt(errno, m_sourcePath);
        if (n == 0)
            return sourceCut(from);
        for (ssize_t written = 0; written < n;) {
            const ssize_t w = ::pwrite(out, buffer.data() + written, static_cast<std::size_t>(n - written),
                                       static_cast<off_t>(from - m_range.offset) + written);
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return errnoAt(errno, m_destination);
            written += w;
        }
        from += static_cast<std::uint64_t>(n);
        m_stats.bufferCopied += static_cast<std::uint64_t>(n);
        m_done.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
    }
    return {};
}

Status CopyOut::writeEdits(int out)
{
    for (const EditOverlay::Run &run : m_edits) {
        const ByteRange part = run.range().intersected(m_range);
        if (part.isEmpty())
            continue;
        const std::byte *bytes = run.bytes.data() + (part.offset - run.offset);
        for (std::uint64_t written = 0; written < part.size;) {
            const ssize_t w = ::pwrite(out, bytes + written, static_cast<std::size_t>(part.size - written),
                                       static_cast<off_t>(part.offset - m_range.offset + written));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return errnoAt(errno, m_destination);
            written += static_cast<std::uint64_t>(w);
        }
        m_stats.editedBytes += part.size;
    }
    return {};
}

} // namespace hexmap
