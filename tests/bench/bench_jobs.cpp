// bench_jobs DIR [SIZE_MIB=2048] [ROUNDS=3] [MODE=main|sweep|fill]: job engine timings beside baselines from the
// same run, rows interleaved round by round (A/B/A/B) so that load from other processes hits every row alike.
// Before every row the file is brought to one state: all blocks allocated, clean, and not in the page cache
// (fdatasync, posix_fallocate, MADV_DONTNEED + POSIX_FADV_DONTNEED): "overwrite an existing file".
// main: fill (default / mapping+prefault / mapping without prefault), pattern 4 B and 4 KiB, zero, zero
// release-space, sync, vs memset through the mapping (with its page faults), pwrite 1 MiB and 256 KiB (what the
// job did before issue 13), fallocate, one whole-file msync; "cached:" rows read the file into the cache first,
// "fresh:" rows start from allocated but unwritten blocks (as `hexmap-cli create` leaves a file).
// sweep: fill and zero release-space over chunk sizes. fill: only the fill rows (issue 13: mapping vs pwrite).
// Files are deleted afterwards. docs/BENCHMARKS.md ## Jobs.
#include "core/job.h"
#include "core/mappedfile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <linux/falloc.h>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t kMiB = 1ull << 20;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Bench {
    MappedFile file;
    int fd = -1;
    std::uint64_t size = 0;
    unsigned threads = 1;
    std::vector<std::string> order;
    std::map<std::string, std::vector<double>> times;

    // Clean, allocated, uncached. Untimed.
    void reset()
    {
        (void)::fdatasync(fd);
        (void)::posix_fallocate(fd, 0, static_cast<off_t>(size));
        (void)file.advise(Advice::DontNeed);
        (void)::posix_fadvise(fd, 0, static_cast<off_t>(size), POSIX_FADV_DONTNEED);
    }
    // Dirties the whole file (untimed) for the sync rows.
    void dirty(int value)
    {
        std::vector<char> block(kMiB, static_cast<char>(value));
        for (std::uint64_t off = 0; off < size; off += kMiB)
            if (::pwrite(fd, block.data(), kMiB, static_cast<off_t>(off)) < 0)
                std::perror("pwrite");
    }
    // Reads the whole file into the page cache (untimed): "overwrite a file that was just read or written".
    void cache()
    {
        std::vector<char> block(kMiB);
        for (std::uint64_t off = 0; off < size; off += kMiB)
            if (::pread(fd, block.data(), kMiB, static_cast<off_t>(off)) < 0)
                std::perror("pread");
    }
    enum class State { Uncached, Cached, Fresh };
    // Fresh: every block allocated but unwritten (PUNCH_HOLE, then posix_fallocate), as `hexmap-cli create` leaves
    // a file: reads need no disk I/O.
    void row(const std::string &name, const std::function<double()> &measure, State state = State::Uncached)
    {
        if (state == State::Fresh)
            (void)::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(size));
        reset();
        if (state == State::Cached)
            cache();
        const double s = measure();
        if (!times.count(name))
            order.push_back(name);
        times[name].push_back(s);
        std::printf("  %u thr  %-36s %7.3f s  %6.2f GB/s\n", threads, name.c_str(), s, double(size) / 1e9 / s);
        std::fflush(stdout);
    }
    double job(JobSpec spec)
    {
        spec.range = {0, size};
        spec.threads = threads;
        auto job = Job::create(file, spec);
        if (!job) {
            std::fprintf(stderr, "job: %s\n", job.message().c_str());
            return -1;
        }
        const auto t = Clock::now();
        (void)job.value()->start();
        job.value()->wait();
        const double s = secondsSince(t);
        if (job.value()->snapshot().state != JobState::Succeeded)
            std::fprintf(stderr, "job did not succeed: %s\n", job.value()->snapshot().message.c_str());
        return s;
    }
    double pwriteAll(std::uint64_t block)
    {
        std::vector<char> src(block, 0x22);
        const auto t = Clock::now();
        for (std::uint64_t off = 0; off < size; off += block)
            if (::pwrite(fd, src.data(), std::min(block, size - off), static_cast<off_t>(off)) < 0)
                std::perror("pwrite");
        return secondsSince(t);
    }
    double timed(const std::function<void()> &f)
    {
        const auto t = Clock::now();
        f();
        return secondsSince(t);
    }
    void summary()
    {
        std::printf("%u thread(s): median (min) seconds, GB/s of the median\n", threads);
        for (const auto &name : order) {
            auto v = times[name];
            std::sort(v.begin(), v.end());
            const double med = v[v.size() / 2];
            std::printf("  %-36s %7.3f (%7.3f) s  %6.2f GB/s\n", name.c_str(), med, v.front(), double(size) / 1e9 / med);
        }
        order.clear();
        times.clear();
    }
};

JobSpec spec(JobOperation op)
{
    JobSpec s;
    s.operation = op;
    s.fillByte = std::byte{0x33};
    return s;
}

void mainRows(Bench &b)
{
    int value = 1;
    b.row("baseline memset via mapping (faults)", [&] { return b.timed([&] { std::memset(b.file.mutableData(), 0x11, b.size); }); });
    b.row("baseline pwrite 1 MiB", [&] { return b.pwriteAll(kMiB); });
    b.row("baseline pwrite 256 KiB (old job path)", [&] { return b.pwriteAll(256 * 1024); });
    b.row("job fill (default)", [&] { return b.job(spec(JobOperation::Fill)); });
    b.row("cached: baseline pwrite 256 KiB", [&] { return b.pwriteAll(256 * 1024); }, Bench::State::Cached);
    b.row("cached: job fill (default)", [&] { return b.job(spec(JobOperation::Fill)); }, Bench::State::Cached);
    b.row("fresh: baseline pwrite 256 KiB", [&] { return b.pwriteAll(256 * 1024); }, Bench::State::Fresh);
    b.row("fresh: job fill (default)", [&] { return b.job(spec(JobOperation::Fill)); }, Bench::State::Fresh);
    JobSpec s = spec(JobOperation::Fill);
    s.writeMethod = WriteMethod::Mapping;
    b.row("job fill (mapping + prefault)", [&] { return b.job(s); });
    s.prefault = false;
    b.row("job fill (mapping, no prefault)", [&] { return b.job(s); });
    s = spec(JobOperation::Pattern);
    s.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
    b.row("job pattern 4 B", [&] { return b.job(s); });
    s.pattern.resize(4096);
    for (std::size_t i = 0; i < s.pattern.size(); ++i)
        s.pattern[i] = static_cast<std::byte>(i * 31 + 7);
    b.row("job pattern 4 KiB", [&] { return b.job(s); });
    b.row("baseline fallocate ZERO_RANGE", [&] {
        return b.timed([&] { (void)::fallocate(b.fd, FALLOC_FL_ZERO_RANGE, 0, static_cast<off_t>(b.size)); });
    });
    b.row("job zero", [&] { return b.job(spec(JobOperation::Zero)); });
    b.row("baseline fallocate PUNCH_HOLE", [&] {
        return b.timed([&] { (void)::fallocate(b.fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(b.size)); });
    });
    s = spec(JobOperation::Zero);
    s.zeroMode = ZeroMode::ReleaseSpace;
    b.row("job zero release-space", [&] { return b.job(s); });
    b.row("baseline one whole-file msync", [&] {
        b.dirty(value++);
        return b.timed([&] { (void)b.file.sync(); });
    });
    b.row("job sync (default chunks)", [&] {
        b.dirty(value++);
        return b.job(spec(JobOperation::Sync));
    });
}

// The rows issue 13 changed: Fill through the mapping vs pwrite, on an uncached, a cached and a fresh file.
void fillRows(Bench &b)
{
    b.row("baseline pwrite 256 KiB (old job path)", [&] { return b.pwriteAll(256 * 1024); });
    b.row("job fill (default)", [&] { return b.job(spec(JobOperation::Fill)); });
    b.row("cached: baseline pwrite 256 KiB", [&] { return b.pwriteAll(256 * 1024); }, Bench::State::Cached);
    b.row("cached: job fill (default)", [&] { return b.job(spec(JobOperation::Fill)); }, Bench::State::Cached);
    b.row("fresh: baseline pwrite 256 KiB", [&] { return b.pwriteAll(256 * 1024); }, Bench::State::Fresh);
    b.row("fresh: job fill (default)", [&] { return b.job(spec(JobOperation::Fill)); }, Bench::State::Fresh);
    JobSpec s = spec(JobOperation::Pattern);
    s.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
    b.row("job pattern 4 B", [&] { return b.job(s); });
}

void sweepRows(Bench &b)
{
    b.row("baseline pwrite 1 MiB", [&] { return b.pwriteAll(kMiB); });
    for (std::uint64_t mib : {1, 4, 8, 16, 64}) {
        JobSpec s = spec(JobOperation::Fill);
        s.chunkSize = mib * kMiB;
        b.row("job fill chunk " + std::to_string(mib) + " MiB", [&] { return b.job(s); });
    }
    b.row("baseline fallocate PUNCH_HOLE", [&] {
        return b.timed([&] { (void)::fallocate(b.fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(b.size)); });
    });
    for (std::uint64_t mib : {8, 64, 256, 1024}) {
        JobSpec s = spec(JobOperation::Zero);
        s.zeroMode = ZeroMode::ReleaseSpace;
        s.chunkSize = mib * kMiB;
        b.row("job zero release chunk " + std::to_string(mib) + " MiB", [&] { return b.job(s); });
    }
}

} // namespace

int main(int argc, char **argv)
{
    const std::string dir = argc > 1 ? argv[1] : "/var/tmp";
    const std::uint64_t size = (argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2048ull) * kMiB;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    const std::string mode = argc > 4 ? argv[4] : "main";
    const bool sweep = mode == "sweep";
    const std::string path = dir + "/bench_jobs.bin";
    std::printf("size %llu MiB, page %llu, %d rounds, %s\n", static_cast<unsigned long long>(size / kMiB),
                static_cast<unsigned long long>(MappedFile::pageSize()), rounds, mode.c_str());
    auto created = MappedFile::create(path, size);
    if (!created) {
        std::fprintf(stderr, "%s\n", created.message().c_str());
        return 1;
    }
    Bench b;
    b.file = created.value();
    b.size = size;
    b.fd = ::open(path.c_str(), O_RDWR);
    for (unsigned threads : {1u, 2u}) {
        b.threads = threads;
        for (int r = 0; r < rounds; ++r)
            sweep ? sweepRows(b) : mode == "fill" ? fillRows(b) : mainRows(b);
        b.summary();
    }
    ::close(b.fd);
    ::unlink(path.c_str());
    return 0;
}
