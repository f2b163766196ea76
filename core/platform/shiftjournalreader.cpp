#include "core/shiftjournalreader.h"

#include "core/crc32c.h"
#include "core/shiftjournalformat.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap {
namespace sf = shiftformat;

namespace {

// Reads exactly `size` bytes at `offset`: 1 done, 0 at the end of the file, -errno on error.
int readAt(int fd, std::uint64_t offset, void *out, std::size_t size)
{
    auto *p = static_cast<std::byte *>(out);
    while (size > 0) {
        const ssize_t n = ::pread(fd, p, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -errno;
        if (n == 0)
            return 0;
        p += n;
        offset += static_cast<std::uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
    return 1;
}

template <typename T>
T get(const std::byte *at)
{
    T v{};
    std::memcpy(&v, at, sizeof v);
    return v;
}

// CRC-32C of [offset, offset + length) of the journal, chained onto `crc`: 1, 0 (ends early) or -errno.
int crcOf(int fd, std::uint64_t offset, std::uint64_t length, std::uint32_t &crc)
{
    std::vector<std::byte> buffer(static_cast<std::size_t>(std::min<std::uint64_t>(length, 1u << 20)));
    for (std::uint64_t done = 0; done < length;) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(length - done, buffer.size()));
        if (int r = readAt(fd, offset + done, buffer.data(), n); r <= 0)
            return r;
        crc = crc32c(crc, std::span(buffer).first(n));
        done += n;
    }
    return 1;
}

} // namespace

bool isShiftJournal(int fd)
{
    char magic[8];
    return readAt(fd, 0, magic, sizeof magic) == 1 && std::memcmp(magic, sf::kPlanMagic, 8) == 0;
}

Result<ShiftJournalContents> readShiftJournal(int fd, const std::string &journalPath)
{
    ShiftJournalContents c;
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, journalPath);
    const auto fileSize = static_cast<std::uint64_t>(st.st_size);
    auto incomplete = [&](const char *what, std::uint64_t at) -> Result<ShiftJournalContents> {
        c.problem = std::string(what) + " at byte " + std::to_string(at);
        return c;
    };
    // A failed read (r < 0: errno) is an error; the end of the journal (r == 0) means it is incomplete.
    auto failed = [&](int r, const char *what, std::uint64_t at) -> Result<ShiftJournalContents> {
        if (r < 0)
            return Error::fromErrno(-r, journalPath);
        return incomplete(what, at);
    };
    std::byte fixed[sf::kHeaderFixedSize];
    int r = readAt(fd, 0, fixed, sizeof fixed);
    if (r < 0)
        return Error::fromErrno(-r, journalPath);
    if (r == 0 || std::memcmp(fixed, sf::kPlanMagic, 8) != 0 || get<std::uint32_t>(fixed + 8) != sf::kVersion)
        return incomplete("incomplete header or not a shift journal of this version", 0);
    const auto pathLength = get<std::uint32_t>(fixed + 12);
    c.device = get<std::uint64_t>(fixed + 16);
    c.inode = get<std::uint64_t>(fixed + 24);
    c.oldSize = get<std::uint64_t>(fixed + 32);
    c.newSize = get<std::uint64_t>(fixed + 40);
    c.chunkSize = get<std::uint64_t>(fixed + 48);
    c.directShiftMin = get<std::uint64_t>(fixed + 56);
    const auto pieces = get<std::uint64_t>(fixed + 64);
    if (pathLength > (1u << 16) || c.chunkSize == 0 || c.chunkSize > sf::kMaxChunkSize
        || pieces > fileSize / sf::kPieceHeaderSize)
        return incomplete("damaged header", 0);
    c.path.resize(pathLength);
    if (r = readAt(fd, sizeof fixed, c.path.data(), pathLength); r <= 0)
        return failed(r, "incomplete header", 0);
    std::uint32_t crc = crc32c(0, fixed);
    crc = crc32c(crc, std::as_bytes(std::span(c.path)));
    std::uint64_t pos = sizeof fixed + pathLength;
    c.layout.reserve(static_cast<std::size_t>(pieces));
    for (std::uint64_t i = 0; i < pieces; ++i) {
        std::byte head[sf::kPieceHeaderSize];
        if (r = readAt(fd, pos, head, sizeof head); r <= 0)
            return failed(r, "incomplete piece", pos);
        crc = crc32c(crc, head);
        SavePiece p;
        const auto kind = get<std::uint32_t>(head);
        p.dst = get<std::uint64_t>(head + 8);
        p.length = get<std::uint64_t>(head + 16);
        p.src = get<std::uint64_t>(head + 24);
        const auto count = get<std::uint64_t>(head + 32);
        pos += sizeof head;
        if (kind > 2 || count > fileSize - std::min(fileSize, pos) || (kind == 0 && count != 0)
            || (kind == 1 && count != p.length) || (kind == 2 && (count == 0 || count > sf::kMaxPattern)))
            return incomplete("damaged or incomplete piece", pos - sizeof head);
        p.kind = static_cast<SavePiece::Kind>(kind);
        c.memoryPositions.push_back(pos);
        if (kind == 2) {
            auto pattern = std::make_shared<std::vector<std::byte>>(static_cast<std::size_t>(count));
            if (r = readAt(fd, pos, pattern->data(), pattern->size()); r <= 0)
                return failed(r, "incomplete piece", pos);
            crc = crc32c(crc, *pattern);
            p.bytes = std::move(pattern);
        } else if (count > 0) {
            if (r = crcOf(fd, pos, count, crc); r <= 0)
                return failed(r, "incomplete piece", pos);
        }
        pos += count;
        c.layout.push_back(std::move(p));
    }
    std::byte commit[sf::kCommitSize];
    if (r = readAt(fd, pos, commit, sizeof commit); r <= 0)
        return failed(r, "no commit record: the journal ends", pos);
    if (std::memcmp(commit, sf::kCommitMagic, 8) != 0 || get<std::uint64_t>(commit + 8) != pos
        || get<std::uint32_t>(commit + 16) != crc
        || get<std::uint32_t>(commit + 20) != crc32c(0, std::span<const std::byte>(commit, 20)))
        return incomplete("damaged commit record", pos);
    c.committed = true;
    c.planLength = pos;
    c.planCrc = crc;

    const std::uint64_t base = sf::slotBase(pos);
    const std::uint64_t stride = sf::slotStride(c.chunkSize);
    for (std::uint64_t slot = 0; slot < 2; ++slot) {
        std::byte head[sf::kSlotHeaderSize];
        const std::uint64_t at = base + slot * stride;
        if (r = readAt(fd, at, head, sizeof head); r < 0)
            return Error::fromErrno(-r, journalPath);
        if (r == 0)
            continue;
        const auto kind = get<std::uint32_t>(head);
        const auto step = get<std::uint64_t>(head + 8);
        const auto length = get<std::uint64_t>(head + 16);
        if (kind < sf::SlotDone || kind > sf::SlotFinished || get<std::uint32_t>(head + 24) != c.planCrc
            || length > c.chunkSize || step % 2 != slot || (kind != sf::SlotPreImage && length != 0))
            continue;
        std::uint32_t check = crc32c(0, std::span<const std::byte>(head, 4));
        check = crc32c(check, std::span<const std::byte>(head + 8, sf::kSlotHeaderSize - 8));
        if (r = crcOf(fd, at + sizeof head, length, check); r < 0)
            return Error::fromErrno(-r, journalPath);
        if (r == 0 || check != get<std::uint32_t>(head + 4))
            continue; // torn: the other slot's record stands
        if (c.slotKind != 0 && step <= c.slotStep)
            continue;
        c.slotKind = kind;
        c.slotStep = step;
        c.preImagePosition = at + sizeof head;
        c.preImageLength = length;
    }
    return c;
}

} // namespace hexmap
