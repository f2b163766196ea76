// soak_jobs: N jobs of random operations, ranges, chunk sizes, write methods and thread counts over one file,
// with random cancels, checked against a model that predicts every byte (a full in-memory copy). A cancelled
// job's snapshot says exactly which prefix of each worker's range was written; the model applies just that.
// The file is compared with the model every 50 jobs and at the end. Exit 0 when they always match, 1 otherwise.
// Usage: soak_jobs [--size BYTES (default 1 GiB)] [--jobs N (200)] [--seed S (time)] [--dir FOLDER (/tmp)]
// Thread: main thread drives the jobs; Job runs its workers.
#include "core/job.h"
#include "core/mappedfile.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace hexmap;

namespace {

struct Options {
    std::uint64_t size = 1ull << 30;
    int jobs = 200;
    std::uint64_t seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    std::string dir = "/tmp";
};

bool parseArgs(int argc, char **argv, Options &o)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char *value = argv[i + 1];
        if (key == "--size")
            o.size = std::strtoull(value, nullptr, 0);
        else if (key == "--jobs")
            o.jobs = std::atoi(value);
        else if (key == "--seed")
            o.seed = std::strtoull(value, nullptr, 0);
        else if (key == "--dir")
            o.dir = value;
        else
            return false;
    }
    return argc % 2 == 1 && o.size > 0 && o.jobs > 0;
}

// Compares the file (pread on a fresh descriptor, not the mapping) with the model; prints the first mismatch.
bool matches(const std::string &path, const std::vector<std::byte> &model)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    std::vector<std::byte> buffer(16u << 20);
    bool ok = true;
    for (std::uint64_t pos = 0; ok && pos < model.size();) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), model.size() - pos));
        const ssize_t n = ::pread(fd, buffer.data(), want, static_cast<off_t>(pos));
        if (n <= 0) {
            std::printf("short read at %llu\n", static_cast<unsigned long long>(pos));
            ok = false;
            break;
        }
        const auto count = static_cast<std::size_t>(n);
        if (std::memcmp(buffer.data(), model.data() + pos, count) != 0) {
            for (std::size_t i = 0; i < count; ++i) {
                if (buffer[i] != model[pos + i]) {
                    std::printf("MISMATCH at %llu: file 0x%02x, model 0x%02x\n",
                                static_cast<unsigned long long>(pos + i), std::to_integer<unsigned>(buffer[i]),
                                std::to_integer<unsigned>(model[pos + i]));
                    break;
                }
            }
            ok = false;
        }
        pos += count;
    }
    ::close(fd);
    return ok;
}

void applyToModel(const JobSpec &spec, const JobSnapshot &s, std::vector<std::byte> &model)
{
    for (const WorkerSnapshot &w : s.workers) {
        const std::uint64_t begin = w.range.offset;
        const std::uint64_t end = begin + w.bytesDone;
        switch (spec.operation) {
        case JobOperation::Fill:
            std::fill(model.begin() + static_cast<std::ptrdiff_t>(begin), model.begin() + static_cast<std::ptrdiff_t>(end),
                      spec.fillByte);
            break;
        case JobOperation::Zero:
            std::fill(model.begin() + static_cast<std::ptrdiff_t>(begin), model.begin() + static_cast<std::ptrdiff_t>(end),
                      std::byte{0});
            break;
        case JobOperation::Pattern:
            for (std::uint64_t i = begin; i < end; ++i)
                model[i] = spec.pattern[(i - spec.range.offset) % spec.pattern.size()];
            break;
        case JobOperation::Flush:
        case JobOperation::Sync:
            break;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parseArgs(argc, argv, o)) {
        std::fprintf(stderr, "usage: soak_jobs [--size BYTES] [--jobs N] [--seed S] [--dir FOLDER]\n");
        return 2;
    }
    const std::string path = o.dir + "/soak_jobs." + std::to_string(::getpid()) + ".bin";
    std::printf("soak_jobs: %llu bytes, %d jobs, seed %llu, file %s\n", static_cast<unsigned long long>(o.size),
                o.jobs, static_cast<unsigned long long>(o.seed), path.c_str());
    auto created = MappedFile::create(path, o.size);
    if (!created) {
        std::fprintf(stderr, "soak_jobs: %s\n", created.message().c_str());
        return 1;
    }
    MappedFile file = created.value();
    std::vector<std::byte> model(static_cast<std::size_t>(o.size), std::byte{0});
    std::mt19937_64 rng(o.seed);
    auto uniform = [&](std::uint64_t lo, std::uint64_t hi) { return std::uniform_int_distribution<std::uint64_t>(lo, hi)(rng); };

    int cancelled = 0, succeeded = 0, failed = 0;
    std::uint64_t bytesWritten = 0;
    bool ok = true;
    const auto t0 = std::chrono::steady_clock::now();
    for (int j = 0; j < o.jobs && ok; ++j) {
        JobSpec spec;
        const int op = static_cast<int>(uniform(0, 9));
        spec.operation = op < 4 ? JobOperation::Fill : op < 6 ? JobOperation::Zero : op < 9 ? JobOperation::Pattern
                         : uniform(0, 1) ? JobOperation::Flush : JobOperation::Sync;
        // Ranges: mostly up to 1/8 of the file, sometimes the whole file, with unaligned ends.
        const std::uint64_t maxLen = uniform(0, 9) == 0 ? o.size : std::max<std::uint64_t>(1, o.size / 8);
        const std::uint64_t length = uniform(1, maxLen);
        spec.range = {uniform(0, o.size - length), length};
        spec.threads = static_cast<unsigned>(uniform(1, 8));
        spec.chunkSize = uniform(0, 3) == 0 ? 0 : uniform(1, 16u << 20);
        spec.fillByte = static_cast<std::byte>(uniform(0, 255));
        spec.pattern.resize(static_cast<std::size_t>(uniform(1, uniform(0, 3) == 0 ? 65536 : 17)));
        for (std::byte &b : spec.pattern)
            b = static_cast<std::byte>(uniform(0, 255));
        spec.writeMethod = uniform(0, 1) ? WriteMethod::PageCache : WriteMethod::Mapping;
        spec.prefault = uniform(0, 1) == 1;
        spec.zeroMode = uniform(0, 1) ? ZeroMode::KeepSpace : ZeroMode::ReleaseSpace;
        auto job = Job::create(file, spec);
        if (!job) {
            std::printf("job %d refused: %s\n", j, job.message().c_str());
            ok = false;
            break;
        }
        if (!job.value()->start()) {
            std::printf("job %d did not start\n", j);
            ok = false;
            break;
        }
        if (uniform(0, 2) == 0) // a third of the jobs get cancelled after a random delay (often mid-chunk)
        {
            std::this_thread::sleep_for(std::chrono::microseconds(uniform(0, 200000)));
            job.value()->cancel();
        }
        job.value()->wait();
        const JobSnapshot s = job.value()->snapshot();
        if (s.state == JobState::Failed) {
            std::printf("job %d failed: %s\n", j, s.message.c_str());
            ++failed;
            ok = false;
            break;
        }
        (s.state == JobState::Cancelled ? cancelled : succeeded)++;
        applyToModel(spec, s, model);
        if (spec.operation != JobOperation::Flush && spec.operation != JobOperation::Sync)
            bytesWritten += s.totalDone;
        if ((j + 1) % 50 == 0 || j + 1 == o.jobs) {
            ok = matches(path, model);
            std::printf("after %d jobs: %s (%d succeeded, %d cancelled)\n", j + 1, ok ? "file == model" : "DIFFERS",
                        succeeded, cancelled);
            std::fflush(stdout);
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("soak_jobs: %s: %d succeeded, %d cancelled, %d failed, %.2f GiB written, %.1f s\n",
                ok ? "PASS" : "FAIL", succeeded, cancelled, failed, static_cast<double>(bytesWritten) / (1 << 30),
                seconds);
    file = MappedFile();
    ::unlink(path.c_str());
    return ok ? 0 : 1;
}
