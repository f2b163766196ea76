// bench_save DIR [SIZE_MIB=1024] [ROUNDS=3]: Save (saveOverlay) of 1 000 scattered one-byte edits and of one
// 256 MiB edit in a SIZE_MIB file in DIR, with and without the journal, against the Save of main before issue 13
// (a copy of its algorithm below: copy into the mapping, msync merged spans) and a baseline of plain pwrite + one
// fdatasync of the same bytes in this process. Rows interleave round by round (A/B/C/D, A/B/C/D...) so load from
// other processes hits each alike. Before every row the file is synced, dropped from the page cache and the
// mapping (POSIX_FADV_DONTNEED, MADV_DONTNEED): "save into an existing, uncached file". Journals go to
// DIR/journals (the same disk). The file is deleted afterwards. docs/BENCHMARKS.md, "Save (issue 13)".
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "core/piecetable.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t kMiB = 1ull << 20;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The Save of main before issue 13, kept here only to compare against: writeAllAt into the mapping, then one
// syncRange (msync MS_SYNC) per span of runs whose page-aligned extents are within 1 MiB of each other.
bool oldSaveOverlay(MappedFile &file, const EditOverlay &overlay)
{
    const std::uint64_t page = MappedFile::pageSize();
    const std::uint64_t size = file.size();
    std::vector<ByteRange> spans;
    bool ok = true;
    overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) {
        const ByteRange range{offset, bytes.size()};
        if (!file.writeAllAt(offset, bytes)) {
            ok = false;
            return;
        }
        const std::uint64_t begin = offset / page * page;
        const std::uint64_t end = std::min(size, (range.end() + page - 1) / page * page);
        if (!spans.empty() && begin <= spans.back().end() + kMiB)
            spans.back() = ByteRange::fromBounds(spans.back().offset, std::max(end, spans.back().end()));
        else
            spans.push_back(ByteRange::fromBounds(begin, end));
    });
    for (const ByteRange &span : spans)
        ok = file.syncRange(span).ok() && ok;
    return ok;
}

// Baseline: the same bytes with pwrite on a descriptor of our own, then one fdatasync.
bool pwriteBaseline(const std::string &path, const EditOverlay &overlay)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    bool ok = fd >= 0;
    overlay.forEachRun([&](std::uint64_t offset, std::span<const std::byte> bytes) {
        std::size_t done = 0;
        while (ok && done < bytes.size()) {
            const ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, off_t(offset + done));
            ok = n > 0;
            done += ok ? std::size_t(n) : 0;
        }
    });
    ok = ok && ::fdatasync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    return ok;
}

struct Bench {
    std::string path;
    MappedFile file;
    int fd = -1;
    std::vector<std::string> order;
    std::map<std::string, std::vector<double>> times;

    void reset()
    {
        (void)::fdatasync(fd);
        (void)file.advise(Advice::DontNeed);
        (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        (void)file.refreshIdentity(); // the previous row's write is ours
    }
    void row(const std::string &name, const std::function<bool()> &save)
    {
        reset();
        const auto t = Clock::now();
        const bool ok = save();
        const double s = secondsSince(t);
        if (!ok)
            std::fprintf(stderr, "%s: FAILED\n", name.c_str());
        if (!times.count(name))
            order.push_back(name);
        times[name].push_back(s);
    }
    void print() const
    {
        std::printf("%-44s %10s %10s  (seconds over %zu rounds)\n", "row", "median", "min",
                    times.empty() ? std::size_t(0) : times.begin()->second.size());
        for (const std::string &name : order) {
            std::vector<double> v = times.at(name);
            std::sort(v.begin(), v.end());
            std::printf("%-44s %10.4f %10.4f\n", name.c_str(), v[v.size() / 2], v.front());
        }
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_save DIR [SIZE_MIB=1024] [ROUNDS=3]\n");
        return 2;
    }
    const std::string dir = argv[1];
    const std::uint64_t size = (argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1024) * kMiB;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    const std::string journals = dir + "/journals";
    ::setenv("HEXMAP_JOURNAL_DIR", journals.c_str(), 1);

    Bench b;
    b.path = dir + "/bench_save.bin";
    {
        const int fd = ::open(b.path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0644);
        std::vector<char> block(kMiB, 0x11);
        for (std::uint64_t off = 0; fd >= 0 && off < size; off += kMiB)
            if (::pwrite(fd, block.data(), kMiB, off_t(off)) != ssize_t(kMiB))
                return 1;
        if (fd < 0 || ::fdatasync(fd) != 0)
            return 1;
        ::close(fd);
    }
    auto opened = MappedFile::openReadWrite(b.path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.message().c_str());
        return 1;
    }
    b.file = *opened;
    b.fd = ::open(b.path.c_str(), O_RDWR | O_CLOEXEC);

    EditOverlay scattered;
    std::mt19937_64 rng(13);
    while (scattered.runCount() < 1000)
        (void)scattered.set(rng() % size, std::byte(rng()));
    EditOverlay big;
    (void)big.set(size / 2, std::vector<std::byte>(std::min<std::uint64_t>(256 * kMiB, size / 2), std::byte{0x5A}));

    // The same edits as the GUI holds them since issue 15: a piece table of overwrites, turned into runs at Save.
    PieceTable scatteredTable(size), bigTable(size);
    scattered.forEachRun([&](std::uint64_t at, std::span<const std::byte> bytes) { (void)scatteredTable.overwrite(at, bytes); });
    big.forEachRun([&](std::uint64_t at, std::span<const std::byte> bytes) { (void)bigTable.overwrite(at, bytes); });

    SaveOptions withJournal;
    SaveOptions noJournal;
    noJournal.journal = false;
    for (int round = 0; round < rounds; ++round) {
        for (const auto &[label, overlay, table] : {std::tuple{"1000 x 1 B", &scattered, &scatteredTable},
                                                    std::tuple{"1 x 256 MiB", &big, &bigTable}}) {
            const std::string l = label;
            b.row(l + ": saveOverlay, journal", [&] { return saveOverlay(b.file, *overlay, withJournal).ok(); });
            b.row(l + ": piece table -> saveOverlay, journal", [&, table = table] {
                const auto runs = table->current().overwrites();
                return runs && saveOverlay(b.file, *runs, withJournal).ok();
            });
            b.row(l + ": saveOverlay, no journal", [&] { return saveOverlay(b.file, *overlay, noJournal).ok(); });
            b.row(l + ": main's Save (mapping)", [&] { return oldSaveOverlay(b.file, *overlay); });
            b.row(l + ": baseline pwrite+fdatasync", [&] { return pwriteBaseline(b.path, *overlay); });
        }
    }
    b.print();
    ::close(b.fd);
    b.file = MappedFile();
    ::unlink(b.path.c_str());
    ::rmdir(journals.c_str());
    return 0;
}
