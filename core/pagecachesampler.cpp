#include "core/pagecachesampler.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace hexmap {
namespace {

__extension__ typedef unsigned __int128 U128;

// mincore looks every page up: above this many pages a cell is estimated from kMincoreWindows evenly spread
// windows of kMincoreWindowPages each, so a refresh of a large dense file stays bounded.
constexpr std::uint64_t kMincoreMaxPages = 4096;
constexpr std::uint64_t kMincoreWindows = 8;
constexpr std::uint64_t kMincoreWindowPages = 256;

std::uint64_t pagesOf(ByteRange r, std::uint64_t page)
{
    return r.isEmpty() ? 0 : (r.end() - 1) / page - r.offset / page + 1;
}

} // namespace

PageCacheSampler::PageCacheSampler(PageCacheProbe probe) : m_probe(std::move(probe)) {}

ByteRange PageCacheSampler::cellRange(int index) const
{
    const auto n = static_cast<U128>(m_cells.size());
    if (index < 0 || static_cast<std::size_t>(index) >= m_cells.size())
        return {};
    // Boundaries are page-aligned (the last one is the end of the file), so no page counts in two cells.
    const std::uint64_t page = PageCacheProbe::pageSize();
    auto boundary = [&](std::uint64_t i) -> std::uint64_t {
        if (i >= m_cells.size())
            return m_size;
        const auto exact = static_cast<std::uint64_t>(static_cast<U128>(i) * m_size / n);
        return exact / page * page;
    };
    return ByteRange::fromBounds(boundary(std::uint64_t(index)), boundary(std::uint64_t(index) + 1));
}

void PageCacheSampler::layOut(std::uint64_t size, int cellCount)
{
    m_size = size;
    m_cells.assign(static_cast<std::size_t>(std::max(0, cellCount)), PageCacheCell{});
    const std::uint64_t page = PageCacheProbe::pageSize();
    for (std::size_t i = 0; i < m_cells.size(); ++i)
        m_cells[i].pages = pagesOf(cellRange(int(i)), page);
    m_cursor = 0;
    m_holeFrom = m_dataFrom = 0;
    m_fullPass = false;
}

Result<bool> PageCacheSampler::refresh(int cellCount, std::chrono::nanoseconds budget)
{
    const auto start = std::chrono::steady_clock::now();
    auto size = m_probe.size();
    if (!size)
        return size.error();
    if (*size != m_size || m_cells.size() != static_cast<std::size_t>(std::max(0, cellCount)))
        layOut(*size, cellCount);
    if (m_cursor == 0)
        m_source = PageCacheProbe::preferredSource(); // a probe that falls back to mincore says so below
    if (m_cells.empty())
        return true;
    for (;;) {
        if (m_cursor == 0)
            m_holeFrom = m_dataFrom = 0; // a new pass: data may have appeared in the holes
        if (Status s = sampleCell(m_cursor); !s)
            return s.error();
        if (++m_cursor == m_cells.size()) {
            m_cursor = 0;
            m_fullPass = true;
            return true;
        }
        if (std::chrono::steady_clock::now() - start >= budget)
            return false;
    }
}

Status PageCacheSampler::sampleCell(std::size_t index)
{
    PageCacheCell &cell = m_cells[index];
    const ByteRange r = cellRange(int(index));
    const std::uint64_t page = PageCacheProbe::pageSize();
    PageCacheCell fresh;
    fresh.pages = pagesOf(r, page);
    fresh.sampled = true;
    if (r.isEmpty() || (r.offset >= m_holeFrom && r.end() <= m_dataFrom)) {
        cell = fresh;
        return {};
    }
    ByteRange data = r;
    const off_t found = ::lseek(m_probe.fd(), static_cast<off_t>(r.offset), SEEK_DATA);
    if (found < 0 && errno == ENXIO) { // only a hole (or the end of a file cut meanwhile) follows
        m_holeFrom = r.offset;
        m_dataFrom = UINT64_MAX;
        cell = fresh;
        return {};
    }
    if (found >= 0) { // (another error: SEEK_DATA unsupported; probe the whole cell)
        const auto d = static_cast<std::uint64_t>(found);
        if (d >= r.end()) {
            m_holeFrom = r.offset;
            m_dataFrom = d;
            cell = fresh;
            return {};
        }
        data = ByteRange::fromBounds(std::max(d, r.offset), r.end());
    }
    PageCacheState state;
    const std::uint64_t dataPages = pagesOf(data, page);
    if (PageCacheProbe::preferredSource() == PageCacheSource::Mincore && dataPages > kMincoreMaxPages) {
        const std::uint64_t firstPage = data.offset / page;
        const std::uint64_t stride = dataPages / kMincoreWindows;
        std::uint64_t probed = 0;
        for (std::uint64_t w = 0; w < kMincoreWindows; ++w) {
            const ByteRange window{(firstPage + w * stride) * page, kMincoreWindowPages * page};
            auto part = m_probe.probe(window);
            if (!part)
                return part.error();
            probed += part->pages;
            state += *part;
        }
        state.cached = probed ? state.cached * dataPages / probed : 0;
        state.source = PageCacheSource::Mincore;
        fresh.estimated = true;
    } else {
        auto whole = m_probe.probe(data);
        if (!whole)
            return whole.error();
        state = *whole;
    }
    m_source = state.source;
    fresh.cached = std::min(state.cached, fresh.pages);
    fresh.dirty = std::min(state.dirty, fresh.pages);
    fresh.writeback = std::min(state.writeback, fresh.pages);
    cell = fresh;
    return {};
}

PageCacheState PageCacheSampler::totals() const
{
    PageCacheState t;
    t.source = m_source;
    for (const PageCacheCell &c : m_cells) {
        t.pages += c.pages;
        t.cached += c.cached;
        t.dirty += c.dirty;
        t.writeback += c.writeback;
    }
    return t;
}

} // namespace hexmap
