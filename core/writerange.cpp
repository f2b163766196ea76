#include "core/writerange.h"

#include "core/mappedfile.h"
#include "core/rangeclaim.h"

namespace hexmap {

WriteRange::WriteRange(std::shared_ptr<RangeClaim> claim, ByteRange range)
    : m_claim(std::move(claim)), m_range(range)
{
}

WriteRange::WriteRange(WriteRange &&other) noexcept
    : m_claim(std::move(other.m_claim)), m_range(std::exchange(other.m_range, ByteRange{}))
{
}

WriteRange &WriteRange::operator=(WriteRange &&other) noexcept
{
    m_claim = std::move(other.m_claim);
    m_range = std::exchange(other.m_range, ByteRange{});
    return *this;
}

WriteRange::~WriteRange() = default;

bool WriteRange::belongsTo(const Mapping *mapping) const
{
    return m_claim && m_claim->mapping() == mapping;
}

Result<std::pair<WriteRange, WriteRange>> WriteRange::split(std::uint64_t at) &&
{
    if (!m_claim)
        return Error{make_error_code(Errc::WrongFile), "split of an empty WriteRange"};
    const std::uint64_t pageSize = MappedFile::pageSize();
    if (at <= m_range.offset || at >= m_range.end() || at % pageSize != 0)
        return Error{make_error_code(Errc::InvalidArgument),
                     "split point " + std::to_string(at) + " (must be page-aligned and inside the range)"};
    WriteRange first(m_claim, ByteRange::fromBounds(m_range.offset, at));
    WriteRange second(std::move(m_claim), ByteRange::fromBounds(at, m_range.end()));
    m_range = {};
    return std::pair<WriteRange, WriteRange>(std::move(first), std::move(second));
}

namespace {

std::string describe(ByteRange r)
{
    return "[" + std::to_string(r.offset) + ", +" + std::to_string(r.size) + ")";
}

} // namespace

Result<WriteReceipt> WriteReceipt::followedBy(const WriteReceipt &next) const
{
    if (next.m_mappingId != m_mappingId)
        return Error{make_error_code(Errc::WrongFile), "receipt of another file"};
    if (next.m_range.offset != m_range.end())
        return Error{make_error_code(Errc::InvalidArgument),
                     "receipt " + describe(next.m_range) + " does not follow " + describe(m_range)};
    return WriteReceipt(m_mappingId, ByteRange{m_range.offset, m_range.size + next.m_range.size});
}

Result<WriteReceipt> WriteReceipt::slice(ByteRange part) const
{
    if (part.isEmpty() || !m_range.contains(part))
        return Error{make_error_code(Errc::InvalidArgument),
                     "slice " + describe(part) + " of a receipt for " + describe(m_range)};
    return WriteReceipt(m_mappingId, part);
}

} // namespace hexmap
