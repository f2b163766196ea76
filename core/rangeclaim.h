#pragma once

#include "core/byterange.h"

#include <memory>

namespace hexmap {

class Mapping;

// Internal: one region of a file reserved by an allocator. Shared by the allocator and every WriteRange cut from
// it; when the last of them is gone the region is released back to the file's ClaimRegistry.
// Thread: any; immutable after construction.
class RangeClaim {
public:
    RangeClaim(std::shared_ptr<Mapping> mapping, ByteRange region);
    ~RangeClaim();
    RangeClaim(const RangeClaim &) = delete;
    RangeClaim &operator=(const RangeClaim &) = delete;

    const Mapping *mapping() const { return m_mapping.get(); }
    ByteRange region() const { return m_region; }

    // The next grant of `request` bytes starting at `cursor` (inside the region): it ends on a page boundary
    // (rounded up) or at the region's end, whichever comes first; never past the end, never wrapping, whatever
    // `request` is. Empty when the cursor is at the end or the request is 0.
    ByteRange grantAt(std::uint64_t cursor, std::uint64_t request, std::uint64_t pageSize) const;

private:
    std::shared_ptr<Mapping> m_mapping;
    ByteRange m_region;
};

} // namespace hexmap
