#include "core/alignedbuffer.h"

#include <new>

#include <unistd.h>

namespace hexmap {

std::span<std::byte> AlignedBuffer::reserve(std::size_t size)
{
    if (size > m_capacity) {
        static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        const std::size_t rounded = (size + page - 1) / page * page;
        void *p = std::aligned_alloc(page, rounded);
        if (!p)
            throw std::bad_alloc();
        m_data.reset(static_cast<std::byte *>(p));
        m_capacity = rounded;
    }
    return {m_data.get(), size};
}

} // namespace hexmap
