// bench_engine: bulk-write throughput of the MappedFile engine against memset and pwrite baselines, in one run.
// Not a test: run it by hand (see docs/BENCHMARKS.md, "## Engine (bench_engine)").
//   bench_engine [DIR] [SIZE_MIB] [REPEATS]     defaults: /var/tmp if /tmp is tmpfs, else /tmp; 1024; 3
// Every figure is GB/s (1e9 bytes/s), best of REPEATS; the files are deleted after each run. Writes are not
// synced (durability caps every method near 1 GB/s; see DESIGN §8): this measures getting bytes into the
// page cache, which is what a fill job's workers do before the sync job.
#include "core/mappedfile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace hexmap;

namespace {

constexpr std::uint64_t kChunk = std::uint64_t{1} << 20; // 1 MiB source blocks for write() and pwrite
constexpr long kTmpfsMagic = 0x01021994;

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Runs body(thread, begin, end) on `threads` threads over [0, size) split into equal page-aligned parts.
void parallel(int threads, std::uint64_t size, const std::function<void(int, std::uint64_t, std::uint64_t)> &body)
{
    const std::uint64_t page = MappedFile::pageSize();
    const std::uint64_t part = (size / static_cast<std::uint64_t>(threads) + page - 1) / page * page;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        const std::uint64_t b = std::min(size, part * static_cast<std::uint64_t>(t));
        const std::uint64_t e = t + 1 == threads ? size : std::min(size, b + part);
        workers.emplace_back(body, t, b, e);
    }
    for (auto &w : workers)
        w.join();
}

struct Bench {
    std::string dir;
    std::uint64_t size;
    int repeats;
    std::vector<std::byte> source = std::vector<std::byte>(kChunk, std::byte{0x5a});

    std::string file() const { return dir + "/bench_engine.tmp"; }

    // Best GB/s of `run`, which returns the seconds it measured (setup excluded by the callee where stated).
    double best(const std::function<double()> &run) const
    {
        double bestSeconds = 1e30;
        for (int i = 0; i < repeats; ++i)
            bestSeconds = std::min(bestSeconds, run());
        return static_cast<double>(size) / bestSeconds / 1e9;
    }

    // (a) memset into a private anonymous buffer: fresh (page faults included) or prefaulted (second pass).
    double memsetPrivate(int threads, bool prefaulted) const
    {
        return best([&] {
            void *p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            auto *base = static_cast<std::byte *>(p);
            if (prefaulted)
                std::memset(base, 1, size);
            const auto t0 = Clock::now();
            parallel(threads, size, [&](int, std::uint64_t b, std::uint64_t e) { std::memset(base + b, 2, e - b); });
            const auto t1 = Clock::now();
            ::munmap(p, size);
            return seconds(t0, t1);
        });
    }

    // (b) MappedFile: create (posix_fallocate) + each thread its own WriteRange cut by one RangeAllocator (as a Job),
    // written with write(token, offset, 1 MiB chunk). Variants: prefault the token first (MADV_POPULATE_WRITE),
    // and fill(token) instead of chunked writes, or (e) writeThrough (pwrite via the shared page cache, Save's path;
    // the job engine's until issue 13) of the token's bytes in 1 MiB blocks. The create() time is included.
    double mappedWrite(int threads, bool prefault, bool viaFill, bool viaCache = false) const
    {
        return best([&] {
            ::unlink(file().c_str());
            const auto t0 = Clock::now();
            auto created = MappedFile::create(file(), size);
            if (!created) {
                std::fprintf(stderr, "%s\n", created.message().c_str());
                std::exit(1);
            }
            MappedFile mf = std::move(created).value();
            std::vector<WriteRange> tokens;
            {
                auto alloc = mf.allocator(ByteRange{0, size});
                const std::uint64_t share = size / static_cast<std::uint64_t>(threads);
                for (int t = 0; t < threads; ++t)
                    if (auto token = alloc->allocate(share))
                        tokens.push_back(std::move(*token));
            }
            std::vector<std::thread> workers;
            for (WriteRange &mine : tokens) {
                workers.emplace_back([&, handle = mf, token = std::move(mine)]() mutable {
                    if (prefault)
                        (void)handle.prefaultForWrite(token.range());
                    if (viaFill) {
                        (void)handle.fill(token, std::byte{0x5a});
                        return;
                    }
                    for (std::uint64_t off = 0; off < token.size(); off += kChunk) {
                        const auto n = static_cast<std::size_t>(std::min(kChunk, token.size() - off));
                        if (viaCache) {
                            if (!handle.writeThrough(token.offset() + off, std::span<const std::byte>(source.data(), n)))
                                std::abort();
                            continue;
                        }
                        (void)handle.write(token, off, std::span<const std::byte>(source.data(), n));
                    }
                });
            }
            for (auto &w : workers)
                w.join();
            const auto t1 = Clock::now();
            tokens.clear();
            mf = MappedFile();
            ::unlink(file().c_str());
            return seconds(t0, t1);
        });
    }

    // (d) MappedFile::fill (unchecked layer) on a fresh file, each thread its own part; create included.
    double mappedFill(int threads) const
    {
        return best([&] {
            ::unlink(file().c_str());
            const auto t0 = Clock::now();
            auto mf = MappedFile::create(file(), size);
            parallel(threads, size, [&](int, std::uint64_t b, std::uint64_t e) {
                MappedFile handle = *mf;
                (void)handle.fill(ByteRange::fromBounds(b, e), std::byte{0x5a});
            });
            const auto t1 = Clock::now();
            mf = MappedFile();
            ::unlink(file().c_str());
            return seconds(t0, t1);
        });
    }

    // (c) pwrite of 1 MiB blocks into a fresh (truncated, unreserved) file, each thread its own part.
    double pwriteBlocks(int threads) const
    {
        return best([&] {
            ::unlink(file().c_str());
            const auto t0 = Clock::now();
            const int fd = ::open(file().c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            parallel(threads, size, [&](int, std::uint64_t b, std::uint64_t e) {
                for (std::uint64_t off = b; off < e; off += kChunk) {
                    const auto n = static_cast<std::size_t>(std::min(kChunk, e - off));
                    if (::pwrite(fd, source.data(), n, static_cast<off_t>(off)) != static_cast<ssize_t>(n))
                        std::abort();
                }
            });
            const auto t1 = Clock::now();
            ::close(fd);
            ::unlink(file().c_str());
            return seconds(t0, t1);
        });
    }
};

} // namespace

int main(int argc, char **argv)
{
    // b below is the best engine path: max of (b) plain, (b) + prefault and (e) writeThrough.
    std::string dir = argc > 1 ? argv[1] : "/tmp";
    struct statfs fs {};
    if (argc <= 1 && ::statfs(dir.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) == kTmpfsMagic)
        dir = "/var/tmp";
    const std::uint64_t mib = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1024;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    Bench bench{dir, mib << 20, repeats};
    std::printf("bench_engine: %llu MiB in %s, best of %d, page %llu, GB/s\n", static_cast<unsigned long long>(mib),
                dir.c_str(), repeats, static_cast<unsigned long long>(MappedFile::pageSize()));
    for (int threads : {1, 2}) {
        const double aFresh = bench.memsetPrivate(threads, false);
        const double aWarm = bench.memsetPrivate(threads, true);
        const double b = bench.mappedWrite(threads, false, false);
        const double bPre = bench.mappedWrite(threads, true, false);
        const double bFill = bench.mappedWrite(threads, true, true);
        const double c = bench.pwriteBlocks(threads);
        const double d = bench.mappedFill(threads);
        const double e = bench.mappedWrite(threads, false, false, true);
        const double bBest = std::max({b, bPre, e});
        const double target = std::max(aFresh, c);
        std::printf("threads %d\n", threads);
        std::printf("  (a) memset private, fresh (faults)   %6.2f\n", aFresh);
        std::printf("  (a) memset private, prefaulted       %6.2f\n", aWarm);
        std::printf("  (b) MappedFile write(token), plain   %6.2f\n", b);
        std::printf("  (b) ... + prefaultForWrite(token)    %6.2f\n", bPre);
        std::printf("  (b) ... fill(token) + prefault       %6.2f\n", bFill);
        std::printf("  (c) pwrite 1 MiB blocks              %6.2f\n", c);
        std::printf("  (d) MappedFile::fill, no prefault    %6.2f\n", d);
        std::printf("  (e) MappedFile writeThrough 1 MiB    %6.2f\n", e);
        std::printf("  ratios: b/a(fresh) %.2f  b/a(prefaulted) %.2f  b/c %.2f  d/a(fresh) %.2f\n", bBest / aFresh,
                    bBest / aWarm, bBest / c, d / aFresh);
        std::printf("  target b >= 0.8 x max(a fresh, c) = %.2f: %s (b/target %.2f)\n", 0.8 * target,
                    bBest >= 0.8 * target ? "met" : "NOT met", bBest / target);
    }
    return 0;
}
