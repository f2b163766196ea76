#pragma once

#include "core/byterange.h"
#include "core/result.h"

#include <cstdint>
#include <string>

namespace hexmap {

// Where a PageCacheState came from: cachestat(2) (Linux 6.5+: cached, dirty, writeback, evicted) or mincore(2)
// on a private read-only mapping (residency only: dirty, writeback and evicted are unknown and reported as 0).
enum class PageCacheSource { Cachestat, Mincore };

// "cachestat" or "mincore". Never fails.
const char *pageCacheSourceName(PageCacheSource source);

// What the kernel's page cache holds of a byte range, in pages of PageCacheProbe::pageSize(). Plain value; any
// thread.
struct PageCacheState {
    std::uint64_t pages = 0;           // pages the range touches (what the counts below are out of)
    std::uint64_t cached = 0;          // resident in the page cache (dirty and writeback pages included)
    std::uint64_t dirty = 0;           // modified, not yet written back (cachestat only)
    std::uint64_t writeback = 0;       // being written back right now (cachestat only)
    std::uint64_t evicted = 0;         // evicted from the cache (cachestat only)
    std::uint64_t recentlyEvicted = 0; // evicted recently enough to count as refaults (cachestat only)
    PageCacheSource source = PageCacheSource::Cachestat;

    PageCacheState &operator+=(const PageCacheState &other);
};

// PageCacheProbe: a read-only descriptor of one regular file (its own: opened O_RDONLY | O_NONBLOCK, so a FIFO
// never blocks the caller) and the page-cache state of byte ranges of it. Uses cachestat(2) (syscall 451, no glibc
// wrapper on Debian 12) when the kernel has it, detected once (ENOSYS, or EPERM from a seccomp filter, means no);
// otherwise, and for a file on which cachestat fails with EINVAL / EOPNOTSUPP, mincore(2) on a private read-only
// mapping of the range, mapped in windows of at most 64 MiB, never the whole file at once. Neither touches a page:
// probing a file another program truncates cannot raise SIGBUS. mincore reports the pages of a file the caller can
// neither write nor owns only when this process has them mapped (the kernel's rule since Linux 5.0).
// Move-only. Thread: one thread at a time per object; the static functions from any thread.
class PageCacheProbe {
public:
    // Fails with Errc::IsDirectory, Errc::NotRegularFile (FIFO, socket, device) or errno from open/fstat, all with
    // `path` as context.
    static Result<PageCacheProbe> open(const std::string &path);

    PageCacheProbe(PageCacheProbe &&other) noexcept;
    PageCacheProbe &operator=(PageCacheProbe &&other) noexcept;
    PageCacheProbe(const PageCacheProbe &) = delete;
    PageCacheProbe &operator=(const PageCacheProbe &) = delete;
    ~PageCacheProbe();

    const std::string &path() const { return m_path; }
    int fd() const { return m_fd; }

    // The file's current size (fstat). Fails with errno, context the path.
    Result<std::uint64_t> size() const;
    // The state of `range` (no clamping to the file size: pages past the end count as not cached). An empty range
    // gives all zeros. Fails with errno from cachestat (other than the fallback cases above) or from mmap / mincore,
    // context the path and the range.
    Result<PageCacheState> probe(ByteRange range) const;

    // The source probe() uses: cachestat when the kernel has it and the fallback is not forced. Never fails.
    static PageCacheSource preferredSource();
    // Whether this kernel has cachestat (detected on the first call, then remembered). Never fails.
    static bool kernelHasCachestat();
    // Test hook: makes every probe use mincore (true) or the detected source again (false). Any thread. Never fails.
    static void forceMincore(bool on);
    // The size of the pages counted (sysconf). Never fails.
    static std::uint64_t pageSize();

private:
    PageCacheProbe(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}
    Result<PageCacheState> viaCachestat(ByteRange range, bool *unsupported) const;
    Result<PageCacheState> viaMincore(ByteRange range) const;

    int m_fd = -1;
    std::string m_path;
};

} // namespace hexmap
