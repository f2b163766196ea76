// bench_pagecache: the cost of one whole-map refresh of the page-cache layer (PageCacheSampler, ~1000 cells), for a
// fully cached 4 GiB file and a 1 TiB sparse file, with cachestat and with the mincore fallback forced; baselines
// in the same run: one cachestat call over the whole file, and util-linux `fincore` on the same file.
// With a GUI build it also times PageCacheLayer ticks (sampling + handing the cells to the map + painting it),
// which is the GUI thread's cost. Not a test: run it by hand (docs/BENCHMARKS.md, "## Issue 20").
//   bench_pagecache [DIR] [CACHED_GIB] [REPEATS]     defaults: the current directory; 4; 20
#include "core/pagecachesampler.h"
#include "core/platform/pagecache.h"

#ifdef HEXMAP_BENCH_GUI
#include "ui/pane/overviewmap.h"
#include "ui/pane/pagecachelayer.h"
#include <QApplication>
#include <QImage>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kCells = 1000;
constexpr std::uint64_t kMiB = 1ull << 20;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
    double median, p95, max;
};
Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

bool writeAll(int fd, std::uint64_t offset, std::uint64_t size)
{
    std::vector<char> buf(std::size_t(4 * kMiB), 'p');
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, buf.data(), std::min<std::uint64_t>(size, buf.size()), off_t(offset));
        if (n <= 0)
            return false;
        offset += std::uint64_t(n);
        size -= std::uint64_t(n);
    }
    return true;
}

void sampleRefresh(const std::string &path, const char *what, int repeats)
{
    for (bool mincore : {false, true}) {
        if (!mincore && !PageCacheProbe::kernelHasCachestat())
            continue;
        PageCacheProbe::forceMincore(mincore);
        auto probe = PageCacheProbe::open(path);
        if (!probe) {
            std::fprintf(stderr, "%s\n", probe.message().c_str());
            std::exit(1);
        }
        PageCacheSampler sampler(std::move(probe).value());
        std::vector<double> t;
        for (int i = 0; i < repeats; ++i) {
            const auto a = Clock::now();
            auto r = sampler.refresh(kCells, std::chrono::hours(1)); // a whole pass, no budget
            t.push_back(ms(Clock::now() - a));
            if (!r || !*r) {
                std::fprintf(stderr, "refresh failed\n");
                std::exit(1);
            }
        }
        const Stats s = stats(t);
        const PageCacheState tot = sampler.totals();
        std::printf("%-22s %-9s whole map (%d cells): median %8.3f ms  p95 %8.3f ms  max %8.3f ms  (cached %llu MiB)\n",
                    what, mincore ? "mincore" : "cachestat", kCells, s.median, s.p95, s.max,
                    (unsigned long long)(tot.cached * PageCacheProbe::pageSize() / kMiB));
    }
    PageCacheProbe::forceMincore(false);
}

void baselines(const std::string &path, const char *what, int repeats)
{
    if (PageCacheProbe::kernelHasCachestat()) {
        auto probe = PageCacheProbe::open(path);
        auto size = probe->size();
        std::vector<double> t;
        for (int i = 0; i < repeats; ++i) {
            const auto a = Clock::now();
            auto s = probe->probe({0, *size});
            t.push_back(ms(Clock::now() - a));
            if (!s)
                std::exit(1);
        }
        const Stats s = stats(t);
        std::printf("%-22s baseline: one cachestat over the whole file: median %8.3f ms  max %8.3f ms\n", what,
                    s.median, s.max);
    }
    const std::string cmd = "fincore --bytes --noheadings '" + path + "' >/dev/null 2>&1";
    std::vector<double> t;
    for (int i = 0; i < std::min(repeats, 5); ++i) {
        const auto a = Clock::now();
        if (std::system(cmd.c_str()) != 0) {
            std::printf("%-22s baseline: fincore unavailable\n", what);
            return;
        }
        t.push_back(ms(Clock::now() - a));
    }
    const Stats s = stats(t);
    std::printf("%-22s baseline: util-linux fincore (process included): median %8.3f ms  max %8.3f ms\n", what,
                s.median, s.max);
}

#ifdef HEXMAP_BENCH_GUI
void guiTicks(const std::string &path, const char *what)
{
    OverviewMap map;
    map.setFileSize(0);
    map.resize(56, kCells + 2 * map.topMargin());
    map.show();
    auto *layer = PageCacheLayer::attach(&map, [path] { return path; }, nullptr);
    QImage image(map.size(), QImage::Format_RGB32);
    std::vector<double> ticks;
    int passes = 0;
    for (int i = 0; i < 400 && passes < 10; ++i) {
        const auto a = Clock::now();
        layer->refresh();
        map.render(&image); // the repaint the tick causes
        ticks.push_back(ms(Clock::now() - a));
        if (layer->sampler() && layer->sampler()->cells().size() == std::size_t(kCells) && layer->sampler()->hasFullPass()
            && ticks.size() > 1)
            ++passes;
    }
    const Stats s = stats(ticks);
    std::printf("%-22s GUI tick (sample <= %lld ms budget + cells to map + paint): median %6.3f ms  p95 %6.3f ms  "
                "max %6.3f ms (%zu ticks)\n",
                what, (long long)PageCacheLayer::kBudget.count(), s.median, s.p95, s.max, ticks.size());
}
#endif

} // namespace

int main(int argc, char **argv)
{
#ifdef HEXMAP_BENCH_GUI
    QApplication app(argc, argv);
#endif
    const std::string dir = argc > 1 ? argv[1] : ".";
    const std::uint64_t gib = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 4;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 20;
    std::printf("page size %llu, cachestat %s\n", (unsigned long long)PageCacheProbe::pageSize(),
                PageCacheProbe::kernelHasCachestat() ? "yes" : "no (mincore only)");

    const std::string cached = dir + "/bench_pagecache_cached.bin";
    const std::string sparse = dir + "/bench_pagecache_sparse.bin";
    int fd = ::open(cached.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || !writeAll(fd, 0, gib << 30) || ::fdatasync(fd) != 0) {
        std::perror(cached.c_str());
        return 1;
    }
    ::close(fd);
    fd = ::open(sparse.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const std::uint64_t tib = 1ull << 40;
    if (fd < 0 || ::ftruncate(fd, off_t(tib)) != 0 || !writeAll(fd, 0, kMiB) || !writeAll(fd, tib / 2, kMiB) ||
        !writeAll(fd, tib - kMiB, kMiB)) {
        std::perror(sparse.c_str());
        return 1;
    }
    ::close(fd);
    const std::string cachedName = std::to_string(gib) + " GiB cached";
    sampleRefresh(cached, cachedName.c_str(), repeats);
    baselines(cached, cachedName.c_str(), repeats);
    sampleRefresh(sparse, "1 TiB sparse (3 MiB)", repeats);
    baselines(sparse, "1 TiB sparse (3 MiB)", repeats);
#ifdef HEXMAP_BENCH_GUI
    guiTicks(cached, cachedName.c_str());
    guiTicks(sparse, "1 TiB sparse (3 MiB)");
#endif
    ::unlink(cached.c_str());
    ::unlink(sparse.c_str());
    return 0;
}
