#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hexmap {

// Writes a repeating byte pattern at memcpy speed: the pattern is expanded once into a block of whole periods
// (>= 256 KiB, cache resident) plus one extra period, so any phase can be copied in block-sized memcpys.
// A pattern of identical bytes uses memset.
// Thread: construct on one thread; write() is const and may be called from any number of threads at once.
class PatternKernel {
public:
    // `pattern` must not be empty (an empty pattern writes nothing).
    explicit PatternKernel(std::span<const std::byte> pattern);

    std::size_t period() const { return m_period; }
    // Writes dst[k] = pattern[(phase + k) % period] for k in [0, dst.size()). Never fails.
    void write(std::span<std::byte> dst, std::uint64_t phase) const;
    // A read-only view of block() bytes that continue the pattern at `phase`: source(phase)[k] =
    // pattern[(phase + k) % period]. For writers that copy from a buffer (pwrite). Empty for an empty pattern.
    std::span<const std::byte> source(std::uint64_t phase) const;
    std::size_t block() const { return m_block; }

private:
    std::size_t m_period = 0;
    std::size_t m_block = 0;     // a multiple of m_period
    bool m_uniform = false;      // every byte equal: memset
    std::vector<std::byte> m_buffer; // m_block + m_period bytes of the repeated pattern
};

} // namespace hexmap
