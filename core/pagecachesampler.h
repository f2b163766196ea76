#pragma once

#include "core/byterange.h"
#include "core/platform/pagecache.h"
#include "core/result.h"

#include <chrono>
#include <cstdint>
#include <vector>

namespace hexmap {

// One cell of a PageCacheSampler: the page-cache state of one slice of the file, in pages.
struct PageCacheCell {
    std::uint64_t pages = 0;     // pages of the slice
    std::uint64_t cached = 0;    // resident (dirty and writeback included)
    std::uint64_t dirty = 0;     // cachestat only
    std::uint64_t writeback = 0; // cachestat only
    bool sampled = false;        // false until the first refresh reached this cell (counts are 0 then)
    bool estimated = false;      // mincore on a large slice: counts scaled up from evenly spread windows
};

// PageCacheSampler: a whole file at a map's resolution. The file is cut into `cellCount` slices (cell i covers
// [i * S / N, (i + 1) * S / N) of a file of S bytes, rounded down to pages) and each refresh probes the cells, one
// cachestat per cell (with mincore one per data extent, or eight evenly spread windows for more than 4096 pages of
// data, scaled up), resuming where the previous refresh stopped when its time budget ran out. Holes are
// skipped with SEEK_DATA / SEEK_HOLE, remembered across cells: one lseek can clear many cells of a sparse file, and a
// dense file needs two per pass (so clean pages the kernel
// caches for reads of a hole are not counted). Each refresh starts with fstat: when the size changed (the file
// grew or was cut, even while sampled) the cells are laid out again for the new size, which fileSize() reports.
// Thread: one thread at a time (the owner's).
class PageCacheSampler {
public:
    explicit PageCacheSampler(PageCacheProbe probe);

    // Probes cells from where the last refresh stopped until every cell was refreshed once in this call or
    // `budget` is spent (at least one cell is probed per call). Returns true when this call completed a pass
    // (reached the last cell). Fails with the probe's or fstat's errors (context: the path); the cells keep
    // their previous values then.
    Result<bool> refresh(int cellCount, std::chrono::nanoseconds budget);

    // The accessors below never fail. The file's size at the last refresh.
    std::uint64_t fileSize() const { return m_size; }
    const std::vector<PageCacheCell> &cells() const { return m_cells; }
    // The bytes cell `index` covers for the current size and cell count (empty for a bad index).
    ByteRange cellRange(int index) const;
    // Sums over the cells as last sampled (pages), the source of the last probe.
    PageCacheState totals() const;
    PageCacheSource source() const { return m_source; }
    // True once every cell was sampled since the layout last changed.
    bool hasFullPass() const { return m_fullPass; }
    const PageCacheProbe &probe() const { return m_probe; }

private:
    Status sampleCell(std::size_t index);
    // The first stretch of data in [from, limit) (SEEK_DATA, then SEEK_HOLE), remembering the last hole and data
    // extent found so that neighbouring cells cost no system call; empty (at limit) when only a hole follows.
    ByteRange nextData(std::uint64_t from, std::uint64_t limit);
    Result<PageCacheState> estimateByMincore(const std::vector<ByteRange> &data, std::uint64_t dataPages);
    void forgetExtents() { m_holeFrom = m_dataFrom = m_extBegin = m_extEnd = 0; }
    void layOut(std::uint64_t size, int cellCount);

    PageCacheProbe m_probe;
    std::uint64_t m_size = 0;
    std::vector<PageCacheCell> m_cells;
    std::size_t m_cursor = 0;
    std::uint64_t m_holeFrom = 0; // known: no data in [m_holeFrom, m_dataFrom)
    std::uint64_t m_dataFrom = 0;
    std::uint64_t m_extBegin = 0; // known: data in [m_extBegin, m_extEnd)
    std::uint64_t m_extEnd = 0;
    PageCacheSource m_source = PageCacheSource::Cachestat;
    bool m_fullPass = false;
};

} // namespace hexmap
