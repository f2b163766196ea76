// bench_jobs DIR [SIZE_MIB=2048]: job engine GB/s (fill, pattern 4 B / 4 KiB, zero, zero release-space, sync) on
// 1 and 2 threads beside baselines from the same run (memset into a prefaulted mapping, pwrite 1 MiB blocks,
// fallocate, one whole-file msync). Files are deleted afterwards. See docs/BENCHMARKS.md "## Jobs".
#include "core/job.h"
#include "core/mappedfile.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/falloc.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double runJob(MappedFile &file, JobSpec spec)
{
    auto job = Job::create(file, spec);
    if (!job) {
        std::fprintf(stderr, "job: %s\n", job.message().c_str());
        return -1;
    }
    const auto t = Clock::now();
    (void)job.value()->start();
    job.value()->wait();
    return secondsSince(t);
}

} // namespace

int main(int argc, char **argv)
{
    const std::string dir = argc > 1 ? argv[1] : "/var/tmp";
    const std::uint64_t size = (argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2048ull) << 20;
    const std::string path = dir + "/bench_jobs.bin";
    const double gb = static_cast<double>(size) / 1e9;
    std::printf("size %llu MiB, page %llu\n", static_cast<unsigned long long>(size >> 20),
                static_cast<unsigned long long>(MappedFile::pageSize()));
    for (unsigned threads : {1u, 2u}) {
        auto created = MappedFile::create(path, size);
        if (!created) {
            std::fprintf(stderr, "%s\n", created.message().c_str());
            return 1;
        }
        MappedFile file = created.value();
        JobSpec spec;
        spec.range = {0, size};
        spec.threads = threads;
        auto row = [&](const char *name, double s) { std::printf("%u thr  %-28s %7.3f s  %6.2f GB/s\n", threads, name, s, gb / s); };

        // Baselines: memset into a prefaulted mapping; pwrite 1 MiB blocks; fallocate ZERO_RANGE / PUNCH_HOLE.
        (void)file.prefaultForWrite(spec.range);
        auto t = Clock::now();
        std::memset(file.mutableData(), 0x11, size);
        row("baseline memset prefaulted", secondsSince(t));
        {
            std::vector<char> block(1 << 20, 0x22);
            const int fd = ::open(path.c_str(), O_WRONLY);
            t = Clock::now();
            for (std::uint64_t off = 0; off < size; off += block.size())
                if (::pwrite(fd, block.data(), block.size(), static_cast<off_t>(off)) < 0)
                    return 1;
            row("baseline pwrite 1 MiB", secondsSince(t));
            t = Clock::now();
            (void)::fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, static_cast<off_t>(size));
            row("baseline fallocate ZERO_RANGE", secondsSince(t));
            ::close(fd);
        }
        spec.operation = JobOperation::Fill;
        spec.fillByte = std::byte{0x33};
        row("job fill", runJob(file, spec));
        spec.prefault = false;
        row("job fill (no prefault)", runJob(file, spec));
        spec.prefault = true;
        spec.operation = JobOperation::Pattern;
        spec.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
        row("job pattern 4 B", runJob(file, spec));
        spec.pattern.resize(4096);
        for (std::size_t i = 0; i < spec.pattern.size(); ++i)
            spec.pattern[i] = static_cast<std::byte>(i * 31 + 7);
        row("job pattern 4 KiB", runJob(file, spec));
        spec.operation = JobOperation::Zero;
        row("job zero", runJob(file, spec));
        // Sync: dirty the file, chunked sync job vs one whole-file msync.
        std::memset(file.mutableData(), 0x44, size);
        spec.operation = JobOperation::Sync;
        row("job sync (64 MiB chunks)", runJob(file, spec));
        std::memset(file.mutableData(), 0x55, size);
        t = Clock::now();
        (void)file.sync();
        row("baseline msync whole file", secondsSince(t));
        spec.operation = JobOperation::Zero;
        spec.zeroMode = ZeroMode::ReleaseSpace;
        row("job zero release-space", runJob(file, spec));
        std::memset(file.mutableData(), 0x66, size);
        (void)file.sync();
        t = Clock::now();
        const int fd = ::open(path.c_str(), O_WRONLY);
        (void)::fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(size));
        ::close(fd);
        row("baseline fallocate PUNCH_HOLE", secondsSince(t));
        ::unlink(path.c_str());
    }
    return 0;
}
