#include "core/savejournal.h"

#include "core/crc32c.h"
#include "core/journallocation.h"
#include "core/savejournalformat.h"
#include "core/shiftjournalreader.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace hexmap {
namespace jf = journalformat;

namespace {

constexpr std::size_t kBufferSize = 1u << 20;   // small records are gathered into one write
constexpr std::size_t kDirectWriteFrom = 64u << 10; // larger payloads are written straight from the overlay

int lockWhole(int fd)
{
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    return ::fcntl(fd, F_OFD_SETLK, &lock);
}

std::span<const std::byte> asBytes(const std::uint32_t &value)
{
    return std::as_bytes(std::span<const std::uint32_t>(&value, 1));
}

} // namespace

SaveJournal::SaveJournal(SaveJournal &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
    , m_directory(std::move(other.m_directory))
    , m_buffer(std::move(other.m_buffer))
    , m_chain(other.m_chain)
    , m_records(other.m_records)
    , m_committed(other.m_committed)
{
}

SaveJournal &SaveJournal::operator=(SaveJournal &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
        m_directory = std::move(other.m_directory);
        m_buffer = std::move(other.m_buffer);
        m_chain = other.m_chain;
        m_records = other.m_records;
        m_committed = other.m_committed;
    }
    return *this;
}

SaveJournal::~SaveJournal() { close(); }

void SaveJournal::close()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the OFD lock
    m_fd = -1;
}

Result<SaveJournal> SaveJournal::begin(const FileIdentity &target, const std::string &targetPath)
{
    SaveJournal journal;
    journal.m_directory = saveJournalDirectory();
    if (auto s = makeJournalDirectory(journal.m_directory); !s)
        return s.error();
    journal.m_path = saveJournalPath(target.device, target.inode);
    journal.m_fd = ::open(journal.m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (journal.m_fd < 0)
        return Error::fromErrno(errno, journal.m_path);
    if (lockWhole(journal.m_fd) != 0) {
        const int err = errno;
        if (err == EAGAIN || err == EACCES)
            return Error{make_error_code(Errc::WriteLocked),
                         journal.m_path + " (another Hexmap process is saving this file)"};
        return Error::fromErrno(err, journal.m_path);
    }
    if (isShiftJournal(journal.m_fd)) // an interrupted insert/delete save: completing it comes first (never replace it)
        return Error{make_error_code(Errc::JournalPending),
                     journal.m_path + " (the journal of an interrupted insert/delete save of this file: open the file "
                                      "again or run hexmap-cli recover to complete it first)"};
    if (::ftruncate(journal.m_fd, 0) != 0) {
        const Error error = Error::fromErrno(errno, journal.m_path);
        (void)journal.remove();
        return error;
    }
    const std::string canonical = canonicalFilePath(targetPath);
    std::vector<std::byte> header(jf::kHeaderFixedSize + canonical.size() + 4);
    std::memcpy(header.data(), jf::kMagic, sizeof jf::kMagic);
    jf::put(header.data() + 8, jf::kVersion);
    jf::put(header.data() + 12, static_cast<std::uint32_t>(canonical.size()));
    jf::put(header.data() + 16, target.device);
    jf::put(header.data() + 24, target.inode);
    jf::put(header.data() + 32, target.size);
    std::memcpy(header.data() + jf::kHeaderFixedSize, canonical.data(), canonical.size());
    const std::uint32_t crc = crc32c(0, std::span(header).first(header.size() - 4));
    jf::put(header.data() + header.size() - 4, crc);
    journal.m_chain = crc32c(0, asBytes(crc));
    journal.m_buffer.reserve(kBufferSize);
    if (auto s = journal.writeBuffered(header); !s) {
        (void)journal.remove();
        return s.error();
    }
    return journal;
}

Status SaveJournal::add(std::uint64_t offset, std::span<const std::byte> bytes)
{
    std::byte key[20];
    jf::recordKey(key, jf::kRangeRecord, offset, bytes.size());
    const std::uint32_t crc = crc32c(crc32c(0, key), bytes);
    std::byte head[jf::kRecordHeaderSize];
    jf::put(head, jf::kRangeRecord);
    jf::put(head + 4, crc);
    std::memcpy(head + 8, key + 4, 16);
    if (auto s = writeBuffered(head); !s)
        return s;
    if (bytes.size() < kDirectWriteFrom) {
        if (auto s = writeBuffered(bytes); !s)
            return s;
    } else {
        if (auto s = flush(); !s)
            return s;
        if (auto s = writeAll(bytes.data(), bytes.size()); !s)
            return s;
    }
    m_chain = crc32c(m_chain, asBytes(crc));
    ++m_records;
    return {};
}

Status SaveJournal::commit()
{
    if (auto s = flush(); !s)
        return s;
    if (::fdatasync(m_fd) != 0) // the records first: a commit record never reaches the disk before them
        return Error::fromErrno(errno, m_path);
    std::byte key[20];
    jf::recordKey(key, jf::kCommitRecord, m_records, m_chain);
    const std::uint32_t crc = crc32c(0, key);
    std::byte record[jf::kRecordHeaderSize];
    jf::put(record, jf::kCommitRecord);
    jf::put(record + 4, crc);
    std::memcpy(record + 8, key + 4, 16);
    if (auto s = writeAll(record, sizeof record); !s)
        return s;
    if (::fdatasync(m_fd) != 0)
        return Error::fromErrno(errno, m_path);
    if (auto s = syncDirectory(m_directory); !s) // the journal's name must survive a crash too
        return s;
    m_committed = true;
    return {};
}

Status SaveJournal::remove()
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

Status SaveJournal::writeBuffered(std::span<const std::byte> bytes)
{
    if (m_buffer.size() + bytes.size() > kBufferSize)
        if (auto s = flush(); !s)
            return s;
    if (bytes.size() >= kBufferSize)
        return writeAll(bytes.data(), bytes.size());
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
    return {};
}

Status SaveJournal::flush()
{
    if (m_buffer.empty())
        return {};
    Status s = writeAll(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    return s;
}

Status SaveJournal::writeAll(const std::byte *data, std::size_t size)
{
    if (m_fd < 0)
        return Error::fromErrno(EBADF, m_path);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, m_path);
        if (n == 0)
            return Error::fromErrno(EIO, m_path);
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return {};
}

} // namespace hexmap
