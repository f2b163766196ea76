#include "core/copyout.h"

#include "core/alignedbuffer.h"
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
#include <cstring>
#include <memory>
#include <new>
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

bool isZeroFill(const Piece &piece)
{
    return piece.kind == Piece::Kind::Fill &&
           std::all_of(piece.bytes->begin(), piece.bytes->end(), [](std::byte b) { return b == std::byte{0}; });
}

} // namespace

Result<std::unique_ptr<CopyOut>> CopyOut::prepare(const MappedFile &source, ByteRange range,
                                                  std::optional<PieceSnapshot> document, std::string destination)
{
    if (!source.isValid() || destination.empty())
        return Error{make_error_code(Errc::InvalidArgument), destination.empty() ? "(no destination)" : destination};
    const std::uint64_t size = document ? document->size() : source.size();
    if (range.end() > size)
        return Error{make_error_code(Errc::InvalidArgument),
                     "range " + std::to_string(range.offset) + "+" + std::to_string(range.size) + " past the end of " +
                         source.path() + " (" + std::to_string(size) + " bytes" + (document ? " as edited)" : ")")};
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
        new CopyOut(*fd, source.path(), range, std::move(document), std::move(destination)));
}

CopyOut::CopyOut(int sourceFd, std::string sourcePath, ByteRange range, std::optional<PieceSnapshot> document,
                 std::string destination)
    : m_source(sourceFd), m_sourcePath(std::move(sourcePath)), m_range(range), m_document(std::move(document)),
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
    if (auto copied = m_document ? copyDocument(out) : copyData(out, m_range.offset, m_range.end(), 0); !copied)
        return copied;
    if (m_cancel.load(std::memory_order_relaxed))
        return Error{make_error_code(Errc::Cancelled), m_destination};
    if (auto whole = checkSourceLength(); !whole)
        return whole;
    return temp->commit();
}

Status CopyOut::checkSourceLength() const
{
    // A source cut during the copy reads as a hole from its new end on (SEEK_DATA says ENXIO there), which would
    // copy zeros in place of the lost bytes: after the copy the source must still hold what the copy needed.
    const std::uint64_t need = m_document ? m_document->originalSize() : m_range.end();
    struct stat st {};
    if (::fstat(m_source, &st) != 0)
        return errnoAt(errno, m_sourcePath);
    if (!S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) >= need)
        return {};
    return sourceCut();
}

Error CopyOut::sourceCut() const
{
    struct stat st {};
    const std::string end = ::fstat(m_source, &st) == 0 ? std::to_string(st.st_size) : std::string("an unknown offset");
    return Error{make_error_code(Errc::FileTruncated),
                 m_sourcePath + " ends at " + end + " (another program cut it during the copy)"};
}

std::uint64_t CopyOut::dataBytes(std::uint64_t from, std::uint64_t to) const
{
    std::uint64_t total = 0;
    for (std::uint64_t at = from; at < to;) {
        const std::uint64_t data = nextData(m_source, at, to);
        if (data >= to)
            break;
        const std::uint64_t hole = dataEnd(m_source, data, to);
        total += hole - data;
        at = hole;
    }
    return total;
}

std::uint64_t CopyOut::dataBytes() const
{
    if (!m_document)
        return dataBytes(m_range.offset, m_range.end());
    std::uint64_t total = 0;
    m_document->forEachSlice(m_range, [&](std::uint64_t, const Piece &piece) {
        if (piece.kind == Piece::Kind::Original)
            total += dataBytes(piece.src, piece.src + piece.length);
        else if (!isZeroFill(piece))
            total += piece.length;
    });
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

Status CopyOut::copyDocument(int out)
{
    Status status;
    m_document->forEachSlice(m_range, [&](std::uint64_t offset, const Piece &piece) {
        if (!status)
            return;
        if (m_cancel.load(std::memory_order_relaxed)) {
            status = Error{make_error_code(Errc::Cancelled), m_destination};
            return;
        }
        const std::uint64_t dst = offset - m_range.offset;
        if (piece.kind == Piece::Kind::Original) {
            status = copyData(out, piece.src, piece.src + piece.length, dst);
        } else if (isZeroFill(piece)) { // already zeros in the copy (ftruncate): left as a hole
            m_stats.holesSkipped += piece.length;
            m_done.fetch_add(piece.length, std::memory_order_relaxed);
        } else {
            status = writeMemory(out, piece, dst);
        }
    });
    return status;
}

Status CopyOut::writeMemory(int out, const Piece &piece, std::uint64_t dst)
{
    if (piece.kind == Piece::Kind::Memory) {
        if (auto written = writeAll(out, piece.bytes->data() + piece.src, std::size_t(piece.length), dst); !written)
            return written;
        m_stats.editedBytes += piece.length;
        m_done.fetch_add(piece.length, std::memory_order_relaxed);
        return {};
    }
    // A fill (possibly gigabytes, one piece): its pattern laid out in one buffer, written a buffer at a time.
    const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(kBufferSize, piece.length));
    std::vector<std::byte> buffer(size);
    const auto noOriginal = [](std::uint64_t, std::span<std::byte>) { return false; };
    for (std::uint64_t done = 0; done < piece.length;) {
        if (m_cancel.load(std::memory_order_relaxed))
            return Error{make_error_code(Errc::Cancelled), m_destination};
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(size, piece.length - done));
        (void)piece.copyTo(done, std::span(buffer.data(), n), noOriginal);
        if (auto written = writeAll(out, buffer.data(), n, dst + done); !written)
            return written;
        done += n;
        m_stats.editedBytes += n;
        m_done.fetch_add(n, std::memory_order_relaxed);
    }
    return {};
}

Status CopyOut::writeAll(int out, const std::byte *bytes, std::size_t size, std::uint64_t dst)
{
    for (std::size_t written = 0; written < size;) {
        const ssize_t w = ::pwrite(out, bytes + written, size - written, static_cast<off_t>(dst + written));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errnoAt(errno, m_destination);
        written += static_cast<std::size_t>(w);
    }
    return {};
}

Status CopyOut::copyData(int out, std::uint64_t from, std::uint64_t to, std::uint64_t dst)
{
    for (std::uint64_t at = from; at < to;) {
        const std::uint64_t data = nextData(m_source, at, to);
        if (data > at) { // a hole: already a hole in the copy (ftruncate)
            m_stats.holesSkipped += data - at;
            m_done.fetch_add(data - at, std::memory_order_relaxed);
        }
        if (data >= to)
            break;
        const std::uint64_t hole = dataEnd(m_source, data, to);
        if (auto copied = copyStretch(out, data, hole, dst + (data - from)); !copied)
            return copied;
        at = hole;
    }
    return {};
}

Status CopyOut::copyStretch(int out, std::uint64_t from, std::uint64_t to, std::uint64_t dst)
{
    while (from < to) {
        if (m_cancel.load(std::memory_order_relaxed))
            return Error{make_error_code(Errc::Cancelled), m_destination};
        if (!m_kernelCopy)
            return bufferCopy(out, from, to, dst);
        off_t in = static_cast<off_t>(from);
        off_t at = static_cast<off_t>(dst);
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
            return sourceCut();
        from += static_cast<std::uint64_t>(n);
        dst += static_cast<std::uint64_t>(n);
        m_stats.kernelCopied += static_cast<std::uint64_t>(n);
        m_done.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
    }
    return {};
}

Status CopyOut::bufferCopy(int out, std::uint64_t from, std::uint64_t to, std::uint64_t dst)
{
    // Page-aligned: the kernel copies cached pages into an aligned buffer several times faster than into malloc's.
    AlignedBuffer memory;
    std::span<std::byte> buffer;
    try {
        buffer = memory.reserve(kBufferSize);
    } catch (const std::bad_alloc &) {
        return errnoAt(ENOMEM, m_destination);
    }
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
            return sourceCut();
        if (auto written = writeAll(out, buffer.data(), static_cast<std::size_t>(n), dst); !written)
            return written;
        from += static_cast<std::uint64_t>(n);
        dst += static_cast<std::uint64_t>(n);
        m_stats.bufferCopied += static_cast<std::uint64_t>(n);
        m_done.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
    }
    return {};
}

} // namespace hexmap
