#include "core/savejournalreader.h"

#include "core/crc32c.h"
#include "core/savejournalformat.h"

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace jf = journalformat;

namespace {

constexpr std::size_t kChunk = 1u << 20;

// Reads exactly `size` bytes at `offset`; false with errno 0 at the end of the file, errno otherwise.
bool readExactly(int fd, std::uint64_t offset, std::byte *out, std::size_t size, int &err)
{
    err = 0;
    while (size > 0) {
        const ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            return false;
        }
        if (n == 0)
            return false;
        out += n;
        offset += static_cast<std::uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string at(const char *what, std::uint64_t position)
{
    return std::string(what) + " at byte " + std::to_string(position);
}

std::span<const std::byte> asBytes(const std::uint32_t &value)
{
    return std::as_bytes(std::span<const std::uint32_t>(&value, 1));
}

} // namespace

std::uint64_t SaveJournalContents::byteCount() const
{
    std::uint64_t total = 0;
    for (const Record &r : records)
        total += r.length;
    return total;
}

Result<SaveJournalContents> readSaveJournal(int fd, const std::string &journalPath)
{
    SaveJournalContents c;
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, journalPath);
    const auto fileSize = static_cast<std::uint64_t>(st.st_size);
    int err = 0;
    std::byte fixed[jf::kHeaderFixedSize];
    if (!readExactly(fd, 0, fixed, sizeof fixed, err)) {
        if (err)
            return Error::fromErrno(err, journalPath);
        c.problem = "incomplete header";
        return c;
    }
    const auto pathLength = jf::get<std::uint32_t>(fixed + 12);
    if (std::memcmp(fixed, jf::kMagic, sizeof jf::kMagic) != 0 || jf::get<std::uint32_t>(fixed + 8) != jf::kVersion
        || pathLength > jf::kMaxPathLength) {
        c.problem = "not a Hexmap save journal of this version";
        return c;
    }
    std::vector<std::byte> header(jf::kHeaderFixedSize + pathLength + 4);
    if (!readExactly(fd, 0, header.data(), header.size(), err)) {
        if (err)
            return Error::fromErrno(err, journalPath);
        c.problem = "incomplete header";
        return c;
    }
    const auto headerCrc = jf::get<std::uint32_t>(header.data() + header.size() - 4);
    if (crc32c(0, std::span(header).first(header.size() - 4)) != headerCrc) {
        c.problem = "damaged header";
        return c;
    }
    c.headerValid = true;
    c.device = jf::get<std::uint64_t>(fixed + 16);
    c.inode = jf::get<std::uint64_t>(fixed + 24);
    c.size = jf::get<std::uint64_t>(fixed + 32);
    c.path.assign(reinterpret_cast<const char *>(header.data() + jf::kHeaderFixedSize), pathLength);

    std::uint32_t chain = crc32c(0, asBytes(headerCrc));
    std::uint64_t pos = header.size();
    std::vector<std::byte> buffer;
    for (;;) {
        std::byte head[jf::kRecordHeaderSize];
        if (!readExactly(fd, pos, head, sizeof head, err)) {
            if (err)
                return Error::fromErrno(err, journalPath);
            c.problem = at("no commit record: the journal ends", pos);
            return c;
        }
        const auto kind = jf::get<std::uint32_t>(head);
        const auto crc = jf::get<std::uint32_t>(head + 4);
        const auto a = jf::get<std::uint64_t>(head + 8);
        const auto b = jf::get<std::uint64_t>(head + 16);
        std::byte key[20];
        jf::recordKey(key, kind, a, b);
        if (kind == jf::kCommitRecord) {
            if (crc32c(0, key) != crc || a != c.records.size() || b != chain) {
                c.problem = at("damaged commit record", pos);
                return c;
            }
            c.committed = true;
            return c;
        }
        const std::uint64_t dataPos = pos + sizeof head;
        if (kind != jf::kRangeRecord || b > fileSize - std::min(fileSize, dataPos) || a > c.size || b > c.size - a) {
            c.problem = at(kind == jf::kRangeRecord ? "incomplete or out-of-range record" : "damaged record", pos);
            return c;
        }
        std::uint32_t check = crc32c(0, key);
        buffer.resize(static_cast<std::size_t>(std::min<std::uint64_t>(b, kChunk)));
        for (std::uint64_t done = 0; done < b;) {
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(b - done, kChunk));
            if (!readExactly(fd, dataPos + done, buffer.data(), n, err)) {
                if (err)
                    return Error::fromErrno(err, journalPath);
                c.problem = at("incomplete record", pos);
                return c;
            }
            check = crc32c(check, std::span(buffer).first(n));
            done += n;
        }
        if (check != crc) {
            c.problem = at("damaged record", pos);
            return c;
        }
        c.records.push_back({a, b, dataPos});
        chain = crc32c(chain, asBytes(crc));
        pos = dataPos + b;
    }
}

Status replaySaveJournal(int journalFd, const std::string &journalPath, const SaveJournalContents &contents,
                         int targetFd, const std::string &targetPath)
{
    std::vector<std::byte> buffer(kChunk);
    for (const SaveJournalContents::Record &r : contents.records) {
        for (std::uint64_t done = 0; done < r.length;) {
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(r.length - done, kChunk));
            int err = 0;
            if (!readExactly(journalFd, r.dataPosition + done, buffer.data(), n, err))
                return Error::fromErrno(err ? err : EIO, journalPath);
            std::size_t written = 0;
            while (written < n) {
                const ssize_t w = ::pwrite(targetFd, buffer.data() + written, n - written,
                                           static_cast<off_t>(r.offset + done + written));
                if (w < 0 && errno == EINTR)
                    continue;
                if (w <= 0)
                    return Error::fromErrno(w < 0 ? errno : EIO, targetPath);
                written += static_cast<std::size_t>(w);
            }
            done += n;
        }
    }
    if (::fdatasync(targetFd) != 0)
        return Error::fromErrno(errno, targetPath);
    return {};
}

} // namespace hexmap
