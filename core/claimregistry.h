#pragma once

#include "core/byterange.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

namespace hexmap {

// Internal: the set of regions of one file currently reserved by allocators. A region is granted only when it
// overlaps no reserved region, so each byte is handed out at most once at a time across all allocators.
// Thread: any (a mutex guards the set; reservations are rare, writes never touch it).
class ClaimRegistry {
public:
    // Reserves `region`; false when it overlaps a reserved region or is empty.
    bool tryClaim(ByteRange region);
    void release(ByteRange region);
    bool isClaimed(ByteRange region) const;
    std::vector<ByteRange> claimed() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::uint64_t, std::uint64_t> m_regions; // offset -> end (exclusive), disjoint
};

} // namespace hexmap
