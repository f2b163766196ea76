#include "core/mappedfile.h"

#include "core/mapping.h"
#include "core/platform/fileops.h"
#include "core/platform/unmappedio.h"
#include "core/rangeclaim.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>

namespace hexmap {

MappedFile::MappedFile() = default;
MappedFile::~MappedFile() = default;
MappedFile::MappedFile(const MappedFile &) = default;
MappedFile &MappedFile::operator=(const MappedFile &) = default;
MappedFile::MappedFile(MappedFile &&) noexcept = default;
MappedFile &MappedFile::operator=(MappedFile &&) noexcept = default;
MappedFile::MappedFile(std::shared_ptr<Mapping> mapping) : m_mapping(std::move(mapping)) {}

Result<MappedFile> MappedFile::create(const std::string &path, std::uint64_t size)
{
    auto mapping = Mapping::create(path, size);
    if (!mapping)
        return mapping.error();
    return MappedFile(std::move(mapping).value());
}

Result<MappedFile> MappedFile::open(const std::string &path, OpenMode mode)
{
    auto mapping = Mapping::open(path, mode);
    if (!mapping)
        return mapping.error();
    return MappedFile(std::move(mapping).value());
}

Result<MappedFile> MappedFile::openReadOnly(const std::string &path) { return open(path, OpenMode::ReadOnly); }
Result<MappedFile> MappedFile::openReadWrite(const std::string &path) { return open(path, OpenMode::ReadWrite); }

std::uint64_t MappedFile::size() const { return m_mapping ? m_mapping->size() : 0; }
bool MappedFile::isWritable() const { return m_mapping && m_mapping->mode() == OpenMode::ReadWrite; }
bool MappedFile::isBlockDevice() const { return m_mapping && m_mapping->isBlockDevice(); }
bool MappedFile::isMapped() const { return !m_mapping || m_mapping->isMapped(); }
std::uint64_t MappedFile::unmappedPiece() { return unmappedio::kPiece; }
std::uint32_t MappedFile::logicalSectorSize() const { return m_mapping ? m_mapping->logicalSectorSize() : 0; }
std::uint32_t MappedFile::physicalSectorSize() const { return m_mapping ? m_mapping->physicalSectorSize() : 0; }

OpenMode MappedFile::reopenMode() const
{
    if (!isWritable())
        return OpenMode::ReadOnly;
    return isBlockDevice() ? OpenMode::ReadWriteDevice : OpenMode::ReadWrite;
}

const std::string &MappedFile::path() const
{
    static const std::string none;
    return m_mapping ? m_mapping->path() : none;
}

bool MappedFile::wasTruncatedOnDisk() const
{
    return m_mapping && m_mapping->faulted().load(std::memory_order_acquire);
}

Result<std::uint64_t> MappedFile::sizeOnDisk() const
{
    if (!m_mapping)
        return std::uint64_t(0);
    return fileops::sizeOnDisk(*m_mapping);
}

FileIdentity MappedFile::identity() const { return m_mapping ? m_mapping->identity() : FileIdentity{}; }

Result<FileChange> MappedFile::checkIdentity() const
{
    if (!m_mapping)
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    return compareFileIdentity(m_mapping->identity(), m_mapping->fd(), m_mapping->path());
}

Result<int> MappedFile::duplicateDescriptor() const
{
    if (!m_mapping)
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    const int fd = ::fcntl(m_mapping->fd(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return Error::fromErrno(errno, m_mapping->path());
    return fd;
}

Status MappedFile::refreshIdentity()
{
    if (!m_mapping)
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    auto now = fileIdentityOf(m_mapping->fd(), m_mapping->path());
    if (!now)
        return now.error();
    m_mapping->setIdentity(*now);
    return {};
}

std::uint64_t MappedFile::pageSize() { return fileops::pageSize(); }
std::uint64_t MappedFile::allocationGranularity() { return fileops::pageSize(); }

Status MappedFile::checkRange(ByteRange range) const
{
    if (!m_mapping)
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    if (range.size > UINT64_MAX - range.offset || range.end() > m_mapping->size())
        return Error{make_error_code(Errc::OutOfBounds), m_mapping->path() + " [" + std::to_string(range.offset)
                                                              + ", +" + std::to_string(range.size) + ")"};
    return {};
}

Status MappedFile::checkWritable() const
{
    if (!m_mapping)
        return Error{make_error_code(Errc::InvalidArgument), "no file"};
    if (m_mapping->mode() != OpenMode::ReadWrite)
        return Error{make_error_code(Errc::NotWritable), m_mapping->path()};
    return {};
}

std::size_t MappedFile::writeAt(std::uint64_t offset, std::span<const std::byte> data)
{
    if (!isWritable() || offset >= size() || data.empty())
        return 0;
    const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(data.size(), size() - offset));
    if (!m_mapping->isMapped())
        return unmappedio::writeAll(*m_mapping, offset, data.first(count)) ? count : 0;
    std::memcpy(m_mapping->base() + offset, data.data(), count);
    return count;
}

Status MappedFile::writeAllAt(std::uint64_t offset, std::span<const std::byte> data)
{
    if (auto s = checkWritable(); !s)
        return s;
    if (auto s = checkRange({offset, data.size()}); !s)
        return s;
    if (!m_mapping->isMapped())
        return unmappedio::writeAll(*m_mapping, offset, data);
    if (!data.empty())
        std::memcpy(m_mapping->base() + offset, data.data(), data.size());
    return {};
}

std::size_t MappedFile::readAt(std::uint64_t offset, std::span<std::byte> buffer) const
{
    if (offset >= size() || buffer.empty())
        return 0;
    if (!m_mapping->isMapped()) {
        const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), size() - offset));
        return unmappedio::readAt(*m_mapping, offset, buffer.first(count));
    }
    const auto slice = readSlice(offset, buffer.size());
    if (slice.empty())
        return 0;
    std::memcpy(buffer.data(), slice.data(), slice.size());
    return slice.size();
}

std::span<const std::byte> MappedFile::readSlice(std::uint64_t offset, std::uint64_t length) const
{
    if (offset >= size())
        return {};
    if (!m_mapping->isMapped()) {
        const auto count = static_cast<std::size_t>(std::min(length, size() - offset));
        const std::span<std::byte> buffer = unmappedio::scratch(count);
        return buffer.first(unmappedio::readAt(*m_mapping, offset, buffer));
    }
    return {m_mapping->base() + offset, static_cast<std::size_t>(std::min(length, size() - offset))};
}

Status MappedFile::fill(ByteRange range, std::byte value)
{
    if (auto s = checkWritable(); !s)
        return s;
    if (auto s = checkRange(range); !s)
        return s;
    if (!m_mapping->isMapped())
        return unmappedio::fill(*m_mapping, range, value);
    if (!range.isEmpty()) // an empty file has no mapping (base() is null)
        std::memset(m_mapping->base() + range.offset, std::to_integer<int>(value), range.size);
    return {};
}

Status MappedFile::writeThrough(std::uint64_t offset, std::span<const std::byte> data)
{
    if (auto s = checkWritable(); !s)
        return s;
    if (auto s = checkRange({offset, data.size()}); !s)
        return s;
    if (data.empty())
        return {};
    auto onDisk = fileops::sizeOnDisk(*m_mapping);
    if (!onDisk)
        return onDisk.error();
    if (*onDisk < offset + data.size())
        return Error{make_error_code(Errc::FileTruncated), m_mapping->path()};
    return fileops::writeBlocks(*m_mapping, offset, data.data(), data.size());
}

const std::byte *MappedFile::data() const { return m_mapping ? m_mapping->base() : nullptr; }
std::byte *MappedFile::mutableData() { return isWritable() ? m_mapping->base() : nullptr; } // null when unmapped

Status MappedFile::flushAsync() { return flushRangeAsync(ByteRange{0, size()}); }

Status MappedFile::flushRangeAsync(ByteRange range)
{
    if (auto s = checkRange(range); !s)
        return s;
    if (range.isEmpty() || !isWritable())
        return {};
    return fileops::startWriteback(*m_mapping, range);
}

Status MappedFile::sync() { return syncRange(ByteRange{0, size()}); }

Status MappedFile::syncRange(ByteRange range)
{
    if (auto s = checkRange(range); !s)
        return s;
    if (range.isEmpty() || !isWritable())
        return {};
    if (!m_mapping->isMapped())
        return unmappedio::sync(*m_mapping);
    return fileops::syncPages(*m_mapping, range);
}

Status MappedFile::flushRangeAsync(const WriteReceipt &receipt)
{
    if (!m_mapping || receipt.m_mappingId != m_mapping->id())
        return Error{make_error_code(Errc::WrongFile), path()};
    return flushRangeAsync(receipt.range());
}

Status MappedFile::syncRange(const WriteReceipt &receipt)
{
    if (!m_mapping || receipt.m_mappingId != m_mapping->id())
        return Error{make_error_code(Errc::WrongFile), path()};
    return syncRange(receipt.range());
}

Status MappedFile::advise(Advice advice) { return advise(advice, ByteRange{0, size()}); }

Status MappedFile::advise(Advice advice, ByteRange range)
{
    if (auto s = checkRange(range); !s)
        return s;
    if (range.isEmpty())
        return {};
    if (!m_mapping->isMapped())
        return unmappedio::advise(*m_mapping, advice, range);
    return fileops::advise(*m_mapping, advice, range);
}

Status MappedFile::prefaultForWrite(ByteRange range)
{
    if (auto s = checkWritable(); !s)
        return s;
    if (auto s = checkRange(range); !s)
        return s;
    if (!m_mapping->isMapped())
        return {}; // nothing to fault in: pwrite allocates as it writes
    return range.isEmpty() ? Status{} : fileops::populateWrite(*m_mapping, range);
}

Status MappedFile::reserve(ByteRange range)
{
    if (auto s = checkWritable(); !s)
        return s;
    if (auto s = checkRange(range); !s)
        return s;
    return range.isEmpty() ? Status{} : fileops::reserveBlocks(*m_mapping, range);
}
} // namespace hexmap
