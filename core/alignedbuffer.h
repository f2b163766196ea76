#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <span>

namespace hexmap {

// AlignedBuffer: a page-aligned byte buffer that only grows, for what pread/pwrite copy to and from. Measured on this
// machine kind (DESIGN §8): the kernel copies from the page cache into a 16-byte-aligned malloc block 3.5x slower
// than into a cache-line or page-aligned one (pread of a cached 1 GiB file in 1 MiB steps, one thread: 0.48 s at an
// address = 16 mod 64, 0.13-0.15 s at 0 or 64 mod 64), so every read path's reused buffer is one of these.
// Not copyable; movable. Thread: one thread at a time (each reader has its own).
class AlignedBuffer {
public:
    AlignedBuffer() = default;
    explicit AlignedBuffer(std::size_t size) { reserve(size); }

    // The first `size` bytes of the buffer, grown (rounded up to whole pages, contents not kept) when it is smaller.
    // Throws std::bad_alloc when the memory cannot be had.
    std::span<std::byte> reserve(std::size_t size);
    std::byte *data() const { return m_data.get(); }
    std::size_t capacity() const { return m_capacity; }

private:
    struct Free {
        void operator()(std::byte *p) const { std::free(p); }
    };
    std::unique_ptr<std::byte, Free> m_data;
    std::size_t m_capacity = 0;
};

} // namespace hexmap
