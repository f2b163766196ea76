// MappedFile's safe layer: allocators minted by the file and writes through WriteRange tokens.
#include "core/mappedfile.h"

#include "core/mapping.h"
#include "core/platform/unmappedio.h"
#include "core/rangeclaim.h"

#include <cstring>

namespace hexmap {

Result<RangeAllocator> MappedFile::allocator() { return allocator(ByteRange{0, size()}); }

Result<std::shared_ptr<RangeClaim>> MappedFile::claimRegion(ByteRange region)
{
    if (auto s = checkWritable(); !s)
        return s.error();
    if (auto s = checkRange(region); !s)
        return s.error();
    if (region.isEmpty())
        return Error{make_error_code(Errc::InvalidArgument), path() + ": empty region"};
    if (!m_mapping->claims().tryClaim(region))
        return Error{make_error_code(Errc::RangeBusy),
                     path() + " [" + std::to_string(region.offset) + ", +" + std::to_string(region.size) + ")"};
    return std::make_shared<RangeClaim>(m_mapping, region);
}

Result<RangeAllocator> MappedFile::allocator(ByteRange region)
{
    auto claim = claimRegion(region);
    if (!claim)
        return claim.error();
    return RangeAllocator(std::move(claim).value(), pageSize());
}

bool MappedFile::isReserved(ByteRange range) const
{
    return m_mapping && m_mapping->claims().isClaimed(range);
}

Status MappedFile::checkToken(const WriteRange &range) const
{
    if (!m_mapping || !range.belongsTo(m_mapping.get()))
        return Error{make_error_code(Errc::WrongFile), path()};
    return {};
}

Result<WriteReceipt> MappedFile::write(const WriteRange &range, std::span<const std::byte> data)
{
    return write(range, 0, data);
}

Result<WriteReceipt> MappedFile::write(const WriteRange &range, std::uint64_t offsetInRange,
                                       std::span<const std::byte> data)
{
    if (auto s = checkToken(range); !s)
        return s.error();
    if (offsetInRange > range.size() || data.size() > range.size() - offsetInRange)
        return Error{make_error_code(Errc::RangeOverflow),
                     std::to_string(data.size()) + " bytes at +" + std::to_string(offsetInRange) + " into a range of "
                         + std::to_string(range.size())};
    if (!m_mapping->isMapped()) {
        if (auto s = unmappedio::writeAll(*m_mapping, range.offset() + offsetInRange, data); !s)
            return s.error();
    } else if (!data.empty()) {
        std::memcpy(m_mapping->base() + range.offset() + offsetInRange, data.data(), data.size());
    }
    return WriteReceipt(m_mapping->id(), ByteRange{range.offset() + offsetInRange, data.size()});
}

Result<WriteReceipt> MappedFile::fill(const WriteRange &range, std::byte value)
{
    if (auto s = checkToken(range); !s)
        return s.error();
    if (!m_mapping->isMapped()) {
        if (auto s = unmappedio::fill(*m_mapping, range.range(), value); !s)
            return s.error();
        return receiptFor(range);
    }
    std::memset(m_mapping->base() + range.offset(), std::to_integer<int>(value), range.size());
    return receiptFor(range);
}

Result<WriteReceipt> MappedFile::zero(const WriteRange &range, ZeroMode mode)
{
    if (auto s = checkToken(range); !s)
        return s.error();
    if (auto s = zero(range.range(), mode); !s)
        return s.error();
    return receiptFor(range);
}

Result<std::span<std::byte>> MappedFile::tokenBytes(const WriteRange &range)
{
    if (auto s = checkToken(range); !s)
        return s.error();
    return std::span<std::byte>(m_mapping->base() + range.offset(), range.size());
}

Result<std::span<std::byte>> MappedFile::scratchFor(const WriteRange &range, std::uint64_t size)
{
    if (auto s = checkToken(range); !s)
        return s.error();
    return unmappedio::scratch(static_cast<std::size_t>(size));
}

WriteReceipt MappedFile::receiptFor(const WriteRange &range) const
{
    return WriteReceipt(m_mapping->id(), range.range());
}

} // namespace hexmap
