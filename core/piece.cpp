#include "core/piece.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace hexmap {

bool Piece::copyTo(std::uint64_t from, std::span<std::byte> out, OriginalReader original) const
{
    assert(from + out.size() <= length);
    if (out.empty())
        return true;
    switch (kind) {
    case Kind::Original:
        return original(src + from, out);
    case Kind::Memory:
        std::memcpy(out.data(), bytes->data() + src + from, out.size());
        return true;
    case Kind::Fill: {
        const std::byte *pattern = bytes->data();
        const std::size_t period = bytes->size();
        if (period == 1) {
            std::memset(out.data(), int(pattern[0]), out.size());
            return true;
        }
        std::size_t phase = std::size_t((src + from) % period);
        std::size_t done = 0;
        while (done < out.size()) { // whole runs of the pattern: memcpy, not a byte loop
            const std::size_t n = std::min(period - phase, out.size() - done);
            std::memcpy(out.data() + done, pattern + phase, n);
            done += n;
            phase = 0;
        }
        return true;
    }
    }
    return false;
}

} // namespace hexmap
