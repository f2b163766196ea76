#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstdint>
#include <memory>
#include <utility>

namespace hexmap {

class Mapping;
class RangeClaim;

// An exclusive right to write one range of one file: a move-only token handed out by a RangeAllocator that its
// MappedFile minted. No two live tokens of one file overlap, so threads holding different tokens can write
// without locks. The bytes stay claimed until the token and its allocator are gone (every token split from it too).
// Production use: each Job worker holds one and writes chunk by chunk through tokens split from it (core/jobworker).
// Thread: a token is used by one thread at a time (move it to hand it over).
class WriteRange {
public:
    WriteRange() = default;
    WriteRange(const WriteRange &) = delete;
    WriteRange &operator=(const WriteRange &) = delete;
    WriteRange(WriteRange &&other) noexcept;
    WriteRange &operator=(WriteRange &&other) noexcept;
    ~WriteRange();

    // The absolute byte range of the file this token covers; empty for a moved-from token.
    ByteRange range() const { return m_range; }
    std::uint64_t offset() const { return m_range.offset; }
    std::uint64_t size() const { return m_range.size; }
    bool isValid() const { return m_claim != nullptr; }

    // Splits this token at absolute offset `at` into [offset, at) and [at, end), consuming it on success.
    // Fails (and leaves this token untouched) with Errc::InvalidArgument when `at` is not strictly inside the
    // range or not a multiple of the page size, and with Errc::WrongFile on a moved-from token.
    Result<std::pair<WriteRange, WriteRange>> split(std::uint64_t at) &&;

private:
    friend class MappedFile;
    friend class RangeAllocator;
    WriteRange(std::shared_ptr<RangeClaim> claim, ByteRange range);
    bool belongsTo(const Mapping *mapping) const;

    std::shared_ptr<RangeClaim> m_claim;
    ByteRange m_range;
};

// Proof that a write through a WriteRange happened: the range written and the file it belongs to. Pass it to
// MappedFile::syncRange / flushRangeAsync to make exactly that range durable (a Job worker syncs the receipt of
// everything it wrote, slice by slice). Copyable value; any thread.
class [[nodiscard]] WriteReceipt {
public:
    ByteRange range() const { return m_range; }

    // The receipt of this write and `next` together, when `next` starts exactly where this one ends and belongs to
    // the same file. Fails with Errc::WrongFile (another file) or Errc::InvalidArgument (not adjacent, naming both).
    Result<WriteReceipt> followedBy(const WriteReceipt &next) const;
    // The receipt of `part` of this write. Fails with Errc::InvalidArgument when `part` is empty or not inside
    // range() (naming both).
    Result<WriteReceipt> slice(ByteRange part) const;

private:
    friend class MappedFile;
    // Identified by Mapping::id(), not its address: a receipt outliving its file never matches a new file that
    // happens to be allocated at the same address.
    WriteReceipt(std::uint64_t mappingId, ByteRange range) : m_mappingId(mappingId), m_range(range) {}
    std::uint64_t m_mappingId = 0;
    ByteRange m_range;
};

} // namespace hexmap
