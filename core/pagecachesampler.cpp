#include "core/pagecachesampler.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>
#include <vector>

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
    forgetExtents();
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
            forgetExtents(); // a new pass: data may have appeared in the holes, or holes been punched
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

ByteRange PageCacheSampler::nextData(std::uint64_t from, std::uint64_t limit)
{
    if (from >= m_holeFrom && from < m_dataFrom)
        from = m_dataFrom;
    if (from >= limit)
        return {limit, 0};
    if (from >= m_extBegin && from < m_extEnd)
        return ByteRange::fromBounds(from, std::min(m_extEnd, limit));
    const off_t found = ::lseek(m_probe.fd(), static_cast<off_t>(from), SEEK_DATA);
    if (found < 0) {
        if (errno == ENXIO) { // only a hole (or the end of a file cut meanwhile) follows
            m_holeFrom = from;
            m_dataFrom = UINT64_MAX;
            return {limit, 0};
        }
        return ByteRange::fromBounds(from, limit); // SEEK_DATA unsupported: all of it counts as data
    }
    const auto d = std::max(from, static_cast<std::uint64_t>(found));
    if (d > from) {
        m_holeFrom = from;
        m_dataFrom = d;
    }
    if (d >= limit)
        return {limit, 0};
    const off_t hole = ::lseek(m_probe.fd(), static_cast<off_t>(d), SEEK_HOLE);
    m_extBegin = d;
    m_extEnd = hole < 0 ? UINT64_MAX : std::max(d + 1, static_cast<std::uint64_t>(hole));
    return ByteRange::fromBounds(d, std::min(m_extEnd, limit));
}

Result<PageCacheState> PageCacheSampler::estimateByMincore(const std::vector<ByteRange> &data, std::uint64_t dataPages)
{
    // kMincoreWindows windows at evenly spread positions of the data's pages (as if the extents were contiguous).
    const std::uint64_t page = PageCacheProbe::pageSize();
    PageCacheState state;
    std::uint64_t probed = 0;
    for (std::uint64_t w = 0; w < kMincoreWindows; ++w) {
        std::uint64_t target = w * (dataPages / kMincoreWindows);
        for (const ByteRange &e : data) {
            const std::uint64_t pages = pagesOf(e, page);
            if (target >= pages) {
                target -= pages;
                continue;
            }
            const std::uint64_t begin = (e.offset / page + target) * page;
            const ByteRange window = ByteRange::fromBounds(std::max(begin, e.offset),
                                                           std::min(e.end(), begin + kMincoreWindowPages * page));
            auto part = m_probe.probe(window);
            if (!part)
                return part.error();
            probed += part->pages;
            state += *part;
            break;
        }
    }
    state.cached = probed ? state.cached * dataPages / probed : 0;
    state.pages = dataPages;
    state.source = PageCacheSource::Mincore;
    return state;
}

Status PageCacheSampler::sampleCell(std::size_t index)
{
    PageCacheCell &cell = m_cells[index];
    const ByteRange r = cellRange(int(index));
    const std::uint64_t page = PageCacheProbe::pageSize();
    PageCacheCell fresh;
    fresh.pages = pagesOf(r, page);
    fresh.sampled = true;
    const ByteRange first = nextData(r.offset, r.end());
    if (first.isEmpty()) { // a hole (pages cached for reads of it are not counted)
        cell = fresh;
        return {};
    }
    PageCacheState state;
    if (PageCacheProbe::preferredSource() == PageCacheSource::Cachestat) {
        // One call from the first data on: cachestat's cost follows the cached pages, not the range's size.
        auto whole = m_probe.probe(ByteRange::fromBounds(first.offset, r.end()));
        if (!whole)
            return whole.error();
        state = *whole;
    } else {
        // mincore looks every page up: only the data extents (at most 32, then the rest of the cell as one).
        std::vector<ByteRange> data{first};
        std::uint64_t dataPages = pagesOf(first, page);
        for (std::uint64_t at = first.end(); at < r.end();) {
            const ByteRange e = data.size() < 32 ? nextData(at, r.end()) : ByteRange::fromBounds(at, r.end());
            if (e.isEmpty())
                break;
            data.push_back(e);
            dataPages += pagesOf(e, page);
            at = e.end();
        }
        if (dataPages > kMincoreMaxPages) {
            auto estimate = estimateByMincore(data, dataPages);
            if (!estimate)
                return estimate.error();
            state = *estimate;
            fresh.estimated = true;
        } else {
            for (const ByteRange &e : data) {
                auto part = m_probe.probe(e);
                if (!part)
                    return part.error();
                state += *part;
            }
            state.source = PageCacheSource::Mincore;
        }
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
