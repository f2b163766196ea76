#include "core/shiftjournal.h"

#include "core/crc32c.h"
#include "core/journallocation.h"
#include "core/shiftjournalformat.h"
#include "core/shiftplan.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <utility>

namespace hexmap {
namespace sf = shiftformat;

namespace {

constexpr std::size_t kBufferSize = 1u << 20;

template <typename T>
void put(std::vector<std::byte> &out, T value)
{
    const auto *p = reinterpret_cast<const std::byte *>(&value);
    out.insert(out.end(), p, p + sizeof value);
}

Status writeAllAt(int fd, const std::string &path, std::uint64_t offset, const std::byte *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error::fromErrno(n < 0 ? errno : EIO, path + " at byte " + std::to_string(offset));
        data += n;
        offset += static_cast<std::uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
    return {};
}

} // namespace

ShiftSlots::ShiftSlots(int fd, std::string path, std::uint64_t base, std::uint64_t stride, std::uint32_t planCrc,
                       bool durable)
    : m_fd(fd), m_path(std::move(path)), m_base(base), m_stride(stride), m_planCrc(planCrc), m_durable(durable)
{
}

Status ShiftSlots::write(std::uint32_t kind, std::uint64_t step, std::span<const std::byte> payload) const
{
    if (m_fd < 0)
        return {};
    std::byte head[sf::kSlotHeaderSize] = {};
    const std::uint64_t length = payload.size();
    std::memcpy(head, &kind, 4);
    std::memcpy(head + 8, &step, 8);
    std::memcpy(head + 16, &length, 8);
    std::memcpy(head + 24, &m_planCrc, 4);
    std::uint32_t crc = crc32c(0, std::span<const std::byte>(head, 4));
    crc = crc32c(crc, std::span<const std::byte>(head + 8, sf::kSlotHeaderSize - 8));
    crc = crc32c(crc, payload);
    std::memcpy(head + 4, &crc, 4);
    const std::uint64_t at = m_base + (step % 2) * m_stride;
    // One pwritev for header and payload (short writes finish with pwrite: the record is only valid when whole).
    iovec parts[2] = {{head, sizeof head}, {const_cast<std::byte *>(payload.data()), payload.size()}};
    ssize_t n;
    do
        n = ::pwritev(m_fd, parts, payload.empty() ? 1 : 2, static_cast<off_t>(at));
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return Error::fromErrno(errno, m_path + " at byte " + std::to_string(at));
    auto done = static_cast<std::uint64_t>(n);
    if (done < sizeof head) {
        if (auto s = writeAllAt(m_fd, m_path, at + done, head + done, sizeof head - done); !s)
            return s;
        done = sizeof head;
    }
    const std::uint64_t fromPayload = done - sizeof head;
    if (fromPayload < length)
        if (auto s = writeAllAt(m_fd, m_path, at + done, payload.data() + fromPayload, length - fromPayload); !s)
            return s;
    if (m_durable && ::fdatasync(m_fd) != 0)
        return Error::fromErrno(errno, m_path);
    return {};
}

ShiftJournal::ShiftJournal(ShiftJournal &&o) noexcept
    : m_fd(std::exchange(o.m_fd, -1)), m_path(std::move(o.m_path)), m_directory(std::move(o.m_directory)),
      m_buffer(std::move(o.m_buffer)), m_written(o.m_written), m_crc(o.m_crc), m_chunkSize(o.m_chunkSize),
      m_committed(o.m_committed)
{
}

ShiftJournal &ShiftJournal::operator=(ShiftJournal &&o) noexcept
{
    if (this != &o) {
        close();
        m_fd = std::exchange(o.m_fd, -1);
        m_path = std::move(o.m_path);
        m_directory = std::move(o.m_directory);
        m_buffer = std::move(o.m_buffer);
        m_written = o.m_written;
        m_crc = o.m_crc;
        m_chunkSize = o.m_chunkSize;
        m_committed = o.m_committed;
    }
    return *this;
}

ShiftJournal::~ShiftJournal() { close(); }

void ShiftJournal::close()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the OFD lock
    m_fd = -1;
}

Result<ShiftJournal> ShiftJournal::begin(const FileIdentity &target, const std::string &targetPath)
{
    (void)targetPath;
    ShiftJournal j;
    j.m_directory = saveJournalDirectory();
    if (auto s = makeJournalDirectory(j.m_directory); !s)
        return s.error();
    j.m_path = saveJournalPath(target.device, target.inode);
    j.m_fd = ::open(j.m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (j.m_fd < 0)
        return Error::fromErrno(errno, j.m_path);
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(j.m_fd, F_OFD_SETLK, &lock) != 0) {
        const int err = errno;
        if (err == EAGAIN || err == EACCES)
            return Error{make_error_code(Errc::WriteLocked),
                         j.m_path + " (another Hexmap process is saving this file)"};
        return Error::fromErrno(err, j.m_path);
    }
    struct stat st {};
    if (::fstat(j.m_fd, &st) != 0)
        return Error::fromErrno(errno, j.m_path);
    if (st.st_size != 0) // never overwrite the journal of an earlier interrupted save: recovering it comes first
        return Error{make_error_code(Errc::JournalPending),
                     j.m_path + " (the journal of an interrupted save of this file: open the file again or run "
                                "hexmap-cli recover to complete it first)"};
    return j;
}

Status ShiftJournal::writePlan(const ShiftPlan &plan, const FileIdentity &target, const std::string &targetPath)
{
    const std::string canonical = canonicalFilePath(targetPath);
    std::vector<std::byte> head;
    head.insert(head.end(), reinterpret_cast<const std::byte *>(sf::kPlanMagic),
                reinterpret_cast<const std::byte *>(sf::kPlanMagic) + 8);
    put(head, sf::kVersion);
    put(head, static_cast<std::uint32_t>(canonical.size()));
    for (std::uint64_t v : {target.device, target.inode, plan.oldSize(), plan.newSize(), plan.chunkSize(),
                            plan.directShiftMin(), static_cast<std::uint64_t>(plan.layout().size())})
        put(head, v);
    head.insert(head.end(), reinterpret_cast<const std::byte *>(canonical.data()),
                reinterpret_cast<const std::byte *>(canonical.data()) + canonical.size());
    if (auto s = append(head); !s)
        return s;
    for (const SavePiece &p : plan.layout()) {
        std::vector<std::byte> ph;
        std::span<const std::byte> bytes;
        if (p.kind == SavePiece::Kind::Memory)
            bytes = std::span<const std::byte>(*p.bytes).subspan(p.src, p.length);
        else if (p.kind == SavePiece::Kind::Fill)
            bytes = std::span<const std::byte>(*p.bytes);
        put(ph, static_cast<std::uint32_t>(p.kind));
        put(ph, std::uint32_t(0));
        put(ph, p.dst);
        put(ph, p.length);
        put(ph, p.kind == SavePiece::Kind::Memory ? std::uint64_t(0) : p.src);
        put(ph, static_cast<std::uint64_t>(bytes.size()));
        if (auto s = append(ph); !s)
            return s;
        if (auto s = append(bytes); !s)
            return s;
    }
    if (auto s = flush(); !s)
        return s;
    if (::fdatasync(m_fd) != 0) // the plan first: a commit record never reaches the disk before it
        return Error::fromErrno(errno, m_path);
    std::vector<std::byte> commit(reinterpret_cast<const std::byte *>(sf::kCommitMagic),
                                  reinterpret_cast<const std::byte *>(sf::kCommitMagic) + 8);
    put(commit, m_written);
    put(commit, m_crc);
    put(commit, crc32c(0, commit));
    if (auto s = writeAllAt(m_fd, m_path, m_written, commit.data(), commit.size()); !s)
        return s;
    if (::fdatasync(m_fd) != 0)
        return Error::fromErrno(errno, m_path);
    if (auto s = syncDirectory(m_directory); !s)
        return s;
    m_chunkSize = plan.chunkSize();
    m_committed = true;
    return {};
}

ShiftSlots ShiftJournal::progressSlots(bool durable) const
{
    if (!m_committed)
        return {};
    return ShiftSlots(m_fd, m_path, sf::slotBase(m_written), sf::slotStride(m_chunkSize), m_crc, durable);
}

Status ShiftJournal::remove()
{
    Status result;
    if (m_fd >= 0 && !m_path.empty()) {
        if (::unlink(m_path.c_str()) != 0 && errno != ENOENT)
            result = Error::fromErrno(errno, m_path);
        else if (auto s = syncDirectory(m_directory); !s)
            result = s;
    }
    close();
    m_buffer.clear();
    return result;
}

Status ShiftJournal::append(std::span<const std::byte> bytes)
{
    m_crc = crc32c(m_crc, bytes);
    if (m_buffer.size() + bytes.size() > kBufferSize)
        if (auto s = flush(); !s)
            return s;
    if (bytes.size() >= kBufferSize) {
        if (auto s = writeAllAt(m_fd, m_path, m_written, bytes.data(), bytes.size()); !s)
            return s;
        m_written += bytes.size();
        return {};
    }
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
    return {};
}

Status ShiftJournal::flush()
{
    if (m_buffer.empty())
        return {};
    const std::uint64_t at = m_written;
    m_written += m_buffer.size();
    Status s = writeAllAt(m_fd, m_path, at, m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    return s;
}

} // namespace hexmap
