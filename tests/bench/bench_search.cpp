// bench_search: search throughput of the scan engine's find all (SearchScan: pread into reused buffers, the GUI's
// and the CLI's path) against glibc memchr and memmem over a warm mapping of the same file, in one run, plus
// `hexmap-cli search` against `grep -c -F` as whole processes. Not a test: run it by hand (see
// docs/BENCHMARKS.md, "## Search (bench_search)").
//   bench_search [DIR] [SIZE_MIB] [REPEATS] [HEXMAP_CLI]
//   defaults: /var/tmp if /tmp is tmpfs, else /tmp; 2048; 3; ../../app/hexmap-cli beside this binary
// The file is text-like (random printable ASCII, a newline every 64 bytes), written once, read once to warm
// the page cache, and deleted at the end. Figures are GB/s (1e9 bytes/s) over the whole file, best of REPEATS.
#include "core/mappedfile.h"
#include "core/searchscan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <random>
#include <string>
#include <string.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace hexmap;

namespace {

using Clock = std::chrono::steady_clock;
constexpr long kTmpfsMagic = 0x01021994;

double bestSeconds(int repeats, const std::function<void()> &run)
{
    double best = 1e30;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        run();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

std::string defaultDir()
{
    struct statfs st {};
    return ::statfs("/tmp", &st) == 0 && static_cast<long>(st.f_type) == kTmpfsMagic ? "/var/tmp" : "/tmp";
}

std::string defaultCli()
{
    char self[4096];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return "hexmap-cli";
    std::string path(self, static_cast<std::size_t>(n));
    return path.substr(0, path.rfind('/')) + "/../../app/hexmap-cli";
}

bool writeTextFile(const std::string &path, std::uint64_t size)
{
    std::vector<char> block(64u << 20);
    std::mt19937_64 rng(1234);
    for (std::size_t i = 0; i < block.size(); ++i)
        block[i] = i % 64 == 63 ? '\n' : static_cast<char>(0x20 + rng() % 95);
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f)
        return false;
    for (std::uint64_t done = 0; done < size;) {
        // Rotate the block so that the file is not one 64 MiB block repeated at the same alignment.
        const std::size_t shift = static_cast<std::size_t>((done / block.size()) * 4099 % block.size());
        std::rotate(block.begin(), block.begin() + static_cast<std::ptrdiff_t>(shift), block.end());
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), size - done));
        if (std::fwrite(block.data(), 1, n, f) != n) {
            std::fclose(f);
            return false;
        }
        done += n;
    }
    return std::fclose(f) == 0;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string dir = argc > 1 ? argv[1] : defaultDir();
    const std::uint64_t size = (argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2048) << 20;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    const std::string cli = argc > 4 ? argv[4] : defaultCli();
    const std::string path = dir + "/bench_search.tmp";

    std::printf("bench_search: %.2f GiB in %s, best of %d, %u hardware threads\n", double(size) / (1u << 30),
                dir.c_str(), repeats, std::thread::hardware_concurrency());
    if (!writeTextFile(path, size)) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return 1;
    }
    auto opened = MappedFile::openReadOnly(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.message().c_str());
        return 1;
    }
    MappedFile file = *opened;
    const auto *base = reinterpret_cast<const unsigned char *>(file.data());
    (void)file.advise(Advice::WillNeed);
    volatile const void *sink = std::memchr(base, 0x01, size); // warm: every page in the cache and mapped
    const double gb = double(size) / 1e9;
    const auto report = [&](const char *what, double s) { std::printf("  %-44s %7.2f GB/s  (%.3f s)\n", what, gb / s, s); };

    // The 16-byte needle (printable, like the data) is absent; the 4-byte one has a wildcard and ~2500 matches.
    const char needle16[] = "q}Zk7 p!w~Xm@3;R";
    const std::vector<std::byte> n16(reinterpret_cast<const std::byte *>(needle16),
                                     reinterpret_cast<const std::byte *>(needle16) + 16);
    const SearchPattern p16 = *SearchPattern::fromBytes(n16);
    const SearchPattern p4 = *SearchPattern::fromHex("6B ?? 71 7A"); // "k?qz"
    const char exact4[] = "kxqz";                                  // memmem reference of the same shape

    std::printf("baselines (glibc, 1 thread):\n");
    report("memchr (absent byte 0x01)", bestSeconds(repeats, [&] { sink = std::memchr(base, 0x01, size); }));
    const double memmemSeconds = bestSeconds(repeats, [&] { sink = ::memmem(base, size, needle16, 16); });
    report("memmem 16-byte absent needle", memmemSeconds);
    std::uint64_t memmemMatches = 0;
    const double memmem4 = bestSeconds(repeats, [&] {
        memmemMatches = 0;
        for (const unsigned char *p = base, *end = base + size;; ++memmemMatches) {
            const void *hit = ::memmem(p, static_cast<std::size_t>(end - p), exact4, 4);
            if (!hit)
                break;
            p = static_cast<const unsigned char *>(hit) + 1;
        }
    });
    const std::string memmem4What = "memmem 4-byte \"kxqz\", " + std::to_string(memmemMatches) + " matches";
    report(memmem4What.c_str(), memmem4);

    auto source = ScanSource::open(path);
    if (!source) {
        std::fprintf(stderr, "%s\n", source.message().c_str());
        return 1;
    }
    std::uint64_t lastCount = 0;
    const auto engineRun = [&](const SearchPattern &p, SearchMatcher::Strategy strategy, unsigned threads) {
        SearchScanOptions options;
        options.threads = threads;
        const SearchMatcher matcher(p, strategy);
        return bestSeconds(repeats, [&] {
            ScanProgress progress;
            auto all = SearchScan::findAll(*source, matcher, options, progress);
            lastCount = all.ok() ? all->offsets.size() : ~0ull;
        });
    };
    using S = SearchMatcher::Strategy;
    std::printf("SearchScan::findAll (scan engine), 16-byte absent needle:\n");
    double simd1 = 0;
    for (S s : {S::Simd, S::MemchrAnchor, S::Memmem, S::Horspool}) {
        for (unsigned t : {1u, 2u}) {
            const double sec = engineRun(p16, s, t);
            if (s == S::Simd && t == 1)
                simd1 = sec;
            const std::string what = std::string(SearchMatcher::name(s)) + ", " + std::to_string(t) + " thread(s)";
            report(what.c_str(), sec);
        }
    }
    std::printf("  simd 1 thread / memmem: %.2fx\n", memmemSeconds / simd1);
    std::printf("SearchScan::findAll (scan engine), 4-byte needle with wildcard \"6B ?? 71 7A\":\n");
    for (S s : {S::Simd, S::MemchrAnchor}) {
        for (unsigned t : {1u, 2u}) {
            const double sec = engineRun(p4, s, t);
            const std::string what = std::string(SearchMatcher::name(s)) + ", " + std::to_string(t) + " thread(s), "
                + std::to_string(lastCount) + " matches";
            report(what.c_str(), sec);
        }
    }

    std::printf("whole processes (16-byte needle, absent; exit status 1 expected for both):\n");
    const std::string quotedNeedle = "'q}Zk7 p!w~Xm@3;R'";
    const std::string cliCmd = "'" + cli + "' search '" + path + "' --all --text " + quotedNeedle + " >/dev/null";
    const std::string grepCmd = "LC_ALL=C grep -c -F " + quotedNeedle + " '" + path + "' >/dev/null";
    int status = 0;
    const double cliSec = bestSeconds(repeats, [&] { status = std::system(cliCmd.c_str()); });
    std::printf("  hexmap-cli search --all (default threads)        %7.2f GB/s  (%.3f s, status %d)\n", gb / cliSec,
                cliSec, WEXITSTATUS(status));
    const double grepSec = bestSeconds(repeats, [&] { status = std::system(grepCmd.c_str()); });
    std::printf("  grep -c -F                                       %7.2f GB/s  (%.3f s, status %d)\n", gb / grepSec,
                grepSec, WEXITSTATUS(status));
    std::printf("  hexmap-cli / grep speed ratio: %.2fx\n", grepSec / cliSec);
    (void)sink;
    ::unlink(path.c_str());
    return 0;
}
