#include "core/platform/pagecache.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <utility>
#include <vector>

#ifndef __NR_cachestat
#define __NR_cachestat 451 // the same number on every architecture (added in Linux 6.5)
#endif

namespace hexmap {
namespace {

// The kernel's uapi structures (linux/mman.h of 6.5+; Debian 12's headers predate them).
struct CachestatRange {
    std::uint64_t off;
    std::uint64_t len;
};
struct Cachestat {
    std::uint64_t nrCache;
    std::uint64_t nrDirty;
    std::uint64_t nrWriteback;
    std::uint64_t nrEvicted;
    std::uint64_t nrRecentlyEvicted;
};

constexpr std::uint64_t kMincoreWindow = 64ull << 20; // bytes mapped at once by the fallback

std::atomic<bool> g_forceMincore{false};

long cachestat(int fd, CachestatRange *range, Cachestat *out)
{
    return ::syscall(__NR_cachestat, fd, range, out, 0u);
}

std::string rangeContext(const std::string &path, ByteRange range)
{
    return path + " (page cache of bytes " + std::to_string(range.offset) + "+" + std::to_string(range.size) + ")";
}

} // namespace

const char *pageCacheSourceName(PageCacheSource source)
{
    return source == PageCacheSource::Cachestat ? "cachestat" : "mincore";
}

PageCacheState &PageCacheState::operator+=(const PageCacheState &other)
{
    pages += other.pages;
    cached += other.cached;
    dirty += other.dirty;
    writeback += other.writeback;
    evicted += other.evicted;
    recentlyEvicted += other.recentlyEvicted;
    if (other.source == PageCacheSource::Mincore)
        source = PageCacheSource::Mincore; // a sum is only as informative as its poorest part
    return *this;
}

Result<PageCacheProbe> PageCacheProbe::open(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return Error::fromErrno(errno, path);
    PageCacheProbe probe(fd, path);
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return Error::fromErrno(errno, path);
    if (S_ISDIR(st.st_mode))
        return Result<PageCacheProbe>(Errc::IsDirectory, path);
    if (S_ISBLK(st.st_mode))
        return Result<PageCacheProbe>(Errc::NotRegularFile,
                                      path + " (a block device: the page-cache map covers regular files only)");
    if (!S_ISREG(st.st_mode))
        return Result<PageCacheProbe>(Errc::NotRegularFile, path);
    return probe;
}

PageCacheProbe::PageCacheProbe(PageCacheProbe &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path))
{
}

PageCacheProbe &PageCacheProbe::operator=(PageCacheProbe &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

PageCacheProbe::~PageCacheProbe()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::uint64_t> PageCacheProbe::size() const
{
    struct stat st {};
    if (::fstat(m_fd, &st) != 0)
        return Error::fromErrno(errno, m_path);
    return static_cast<std::uint64_t>(st.st_size);
}

std::uint64_t PageCacheProbe::pageSize()
{
    static const std::uint64_t size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

bool PageCacheProbe::kernelHasCachestat()
{
    static const bool has = [] {
        // A closed descriptor: a kernel with the call answers EBADF; without it ENOSYS (or EPERM under seccomp).
        CachestatRange range{0, 1};
        Cachestat out{};
        return cachestat(-1, &range, &out) == 0 || errno == EBADF;
    }();
    return has;
}

void PageCacheProbe::forceMincore(bool on) { g_forceMincore.store(on, std::memory_order_relaxed); }

PageCacheSource PageCacheProbe::preferredSource()
{
    return !g_forceMincore.load(std::memory_order_relaxed) && kernelHasCachestat() ? PageCacheSource::Cachestat
                                                                                   : PageCacheSource::Mincore;
}

Result<PageCacheState> PageCacheProbe::probe(ByteRange range) const
{
    if (range.isEmpty()) {
        PageCacheState none;
        none.source = preferredSource();
        return none;
    }
    if (preferredSource() == PageCacheSource::Cachestat) {
        bool unsupported = false;
        auto state = viaCachestat(range, &unsupported);
        if (!unsupported)
            return state;
    }
    return viaMincore(range);
}

Result<PageCacheState> PageCacheProbe::viaCachestat(ByteRange range, bool *unsupported) const
{
    const std::uint64_t page = pageSize();
    CachestatRange r{range.offset, range.end() - range.offset};
    Cachestat out{};
    if (cachestat(m_fd, &r, &out) != 0) {
        const int err = errno;
        *unsupported = err == ENOSYS || err == EPERM || err == EINVAL || err == EOPNOTSUPP;
        return Error::fromErrno(err, rangeContext(m_path, range));
    }
    PageCacheState s;
    s.pages = (range.end() - 1) / page - range.offset / page + 1;
    s.cached = out.nrCache;
    s.dirty = out.nrDirty;
    s.writeback = out.nrWriteback;
    s.evicted = out.nrEvicted;
    s.recentlyEvicted = out.nrRecentlyEvicted;
    s.source = PageCacheSource::Cachestat;
    return s;
}

Result<PageCacheState> PageCacheProbe::viaMincore(ByteRange range) const
{
    const std::uint64_t page = pageSize();
    PageCacheState s;
    s.source = PageCacheSource::Mincore;
    const std::uint64_t first = range.offset / page * page;
    const std::uint64_t last = (range.end() - 1) / page * page + page; // exclusive, page-aligned
    s.pages = (last - first) / page;
    std::vector<unsigned char> vec(static_cast<std::size_t>(std::min(kMincoreWindow, last - first) / page));
    for (std::uint64_t at = first; at < last;) {
        const std::uint64_t len = std::min(kMincoreWindow, last - at);
        // A private read-only mapping is never written and never touched: past the end of the file it costs
        // nothing and raises no SIGBUS, as only reading a page could.
        void *base = ::mmap(nullptr, static_cast<std::size_t>(len), PROT_READ, MAP_PRIVATE, m_fd, static_cast<off_t>(at));
        if (base == MAP_FAILED)
            return Error::fromErrno(errno, rangeContext(m_path, range));
        const int rc = ::mincore(base, static_cast<std::size_t>(len), vec.data());
        const int err = errno;
        ::munmap(base, static_cast<std::size_t>(len));
        if (rc != 0)
            return Error::fromErrno(err, rangeContext(m_path, range));
        const std::size_t n = static_cast<std::size_t>(len / page);
        s.cached += static_cast<std::uint64_t>(std::count_if(vec.begin(), vec.begin() + static_cast<std::ptrdiff_t>(n),
                                                              [](unsigned char v) { return (v & 1) != 0; }));
        at += len;
    }
    return s;
}

} // namespace hexmap
