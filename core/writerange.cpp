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

} // namespace hexmap
