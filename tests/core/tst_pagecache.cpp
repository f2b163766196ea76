// The page-cache probe (cachestat, mincore fallback) and the whole-file sampler behind the map's "Page cache" layer.
#include "core/pagecachesampler.h"
#include "core/platform/pagecache.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace hexmap;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t kMiB = 1ull << 20;

// Writes `size` bytes of `value` at `offset` with pwrite (the page cache, not a mapping).
bool pwriteBytes(int fd, std::uint64_t offset, std::uint64_t size, char value)
{
    std::vector<char> buf(std::size_t(std::min<std::uint64_t>(size, 1 * kMiB)), value);
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, buf.data(), std::min<std::uint64_t>(size, buf.size()), off_t(offset));
        if (n <= 0)
            return false;
        offset += std::uint64_t(n);
        size -= std::uint64_t(n);
    }
    return true;
}

struct ForceMincore {
    ForceMincore() { PageCacheProbe::forceMincore(true); }
    ~ForceMincore() { PageCacheProbe::forceMincore(false); }
};

} // namespace

class TestPageCache : public QObject {
    Q_OBJECT
    // On the build's disk, not a tmpfs /tmp: dirty pages of tmpfs never become clean.
    QTemporaryDir dir{QDir::currentPath() + QStringLiteral("/pagecache-XXXXXX")};
    std::uint64_t page = PageCacheProbe::pageSize();

    std::string path(const char *name) const { return dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }
    void cleanup() { PageCacheProbe::forceMincore(false); }

    void dirtyAfterPwriteCleanAfterFdatasyncGoneAfterDontneed()
    {
        if (!PageCacheProbe::kernelHasCachestat())
            QSKIP("kernel without cachestat(2) (< 6.5); the mincore fallback is tested by forcing it below");
        const std::string p = path("dirty.bin");
        const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        const std::uint64_t n = 8 * kMiB;
        QVERIFY(pwriteBytes(fd, 0, n, 'x'));
        auto probe = PageCacheProbe::open(p);
        QVERIFY2(probe.ok(), probe.message().c_str());
        auto s = probe->probe({0, n});
        QVERIFY2(s.ok(), s.message().c_str());
        QCOMPARE(s->source, PageCacheSource::Cachestat);
        QCOMPARE(s->pages, n / page);
        QCOMPARE(s->cached, n / page);
        // The flusher may have started on some of them already: dirty or under writeback, never clean yet.
        QCOMPARE(s->dirty + s->writeback, n / page);
        QVERIFY(s->dirty > 0);
        // A sub-range counts only its own pages.
        auto half = probe->probe({n / 2, n / 2});
        QVERIFY(half.ok());
        QCOMPARE(half->cached, n / 2 / page);

        QCOMPARE(::fdatasync(fd), 0);
        s = probe->probe({0, n});
        QVERIFY(s.ok());
        QCOMPARE(s->dirty, 0u);
        QCOMPARE(s->writeback, 0u);
        QCOMPARE(s->cached, n / page);

        QCOMPARE(::posix_fadvise(fd, 0, off_t(n), POSIX_FADV_DONTNEED), 0);
        s = probe->probe({0, n});
        QVERIFY(s.ok());
        QCOMPARE(s->cached, 0u);
        QVERIFY(s->evicted <= n / page); // (DONTNEED leaves no shadow entries: only reclaim counts as evicted)
        ::close(fd);
    }

    void forcedMincoreSeesResidencyOnly()
    {
        const std::string p = path("mincore.bin");
        const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        const std::uint64_t n = 80 * kMiB; // more than one 64 MiB mapping window
        QVERIFY(pwriteBytes(fd, 0, n, 'm'));
        QCOMPARE(::fdatasync(fd), 0);
        ForceMincore force;
        QCOMPARE(PageCacheProbe::preferredSource(), PageCacheSource::Mincore);
        auto probe = PageCacheProbe::open(p);
        QVERIFY(probe.ok());
        auto s = probe->probe({0, n});
        QVERIFY2(s.ok(), s.message().c_str());
        QCOMPARE(s->source, PageCacheSource::Mincore);
        QCOMPARE(s->pages, n / page);
        QCOMPARE(s->cached, n / page);
        QCOMPARE(s->dirty, 0u); // unknown to mincore
        // Drop the second half: exactly those pages are gone (an unaligned range rounds out to whole pages).
        QCOMPARE(::posix_fadvise(fd, off_t(n / 2), off_t(n / 2), POSIX_FADV_DONTNEED), 0);
        s = probe->probe({1, n - 2});
        QVERIFY(s.ok());
        QCOMPARE(s->pages, n / page);
        QCOMPARE(s->cached, n / 2 / page);
        // Past the end of the file: nothing cached, and no SIGBUS (nothing is touched).
        s = probe->probe({n, 4 * kMiB});
        QVERIFY(s.ok());
        QCOMPARE(s->cached, 0u);
        // The two sources agree where both exist.
        if (PageCacheProbe::kernelHasCachestat()) {
            PageCacheProbe::forceMincore(false);
            auto c = probe->probe({0, n});
            QVERIFY(c.ok());
            QCOMPARE(c->source, PageCacheSource::Cachestat);
            QCOMPARE(c->cached, n / 2 / page);
        }
        ::close(fd);
    }

    void refusesWhatIsNotARegularFile()
    {
        auto d = PageCacheProbe::open(dir.path().toStdString());
        QVERIFY(!d.ok());
        QCOMPARE(d.code(), make_error_code(Errc::IsDirectory));
        const std::string fifo = path("fifo");
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        auto f = PageCacheProbe::open(fifo); // O_NONBLOCK: must not wait for a writer
        QVERIFY(!f.ok());
        QCOMPARE(f.code(), make_error_code(Errc::NotRegularFile));
        QVERIFY(f.message().find("fifo") != std::string::npos);
        auto missing = PageCacheProbe::open(path("missing"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.code(), std::error_code(ENOENT, std::system_category()));
    }

    void samplerCoversTheFileAndSkipsHoles_data()
    {
        QTest::addColumn<bool>("mincore");
        QTest::newRow("cachestat") << false;
        QTest::newRow("mincore") << true;
    }
    void samplerCoversTheFileAndSkipsHoles()
    {
        QFETCH(bool, mincore);
        if (!mincore && !PageCacheProbe::kernelHasCachestat())
            QSKIP("kernel without cachestat(2); the mincore row covers the fallback");
        PageCacheProbe::forceMincore(mincore);
        const std::string p = path("sparse.bin");
        const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        const std::uint64_t size = 1ull << 30; // 1 GiB, 100 cells of ~10 MiB
        QCOMPARE(::ftruncate(fd, off_t(size)), 0);
        QVERIFY(pwriteBytes(fd, 0, 4 * kMiB, 'a'));            // cells 0 (part)
        QVERIFY(pwriteBytes(fd, size - 2 * kMiB, 2 * kMiB, 'z')); // the last cell (part)
        auto probe = PageCacheProbe::open(p);
        QVERIFY(probe.ok());
        PageCacheSampler sampler(std::move(probe).value());
        // A zero budget still probes one cell per call, and resumes there.
        auto r = sampler.refresh(100, 0ns);
        QVERIFY(r.ok());
        QVERIFY(!*r);
        QVERIFY(sampler.cells()[0].sampled);
        QVERIFY(!sampler.cells()[99].sampled);
        r = sampler.refresh(100, 10s);
        QVERIFY2(r.ok(), r.message().c_str());
        QVERIFY(*r);
        QVERIFY(sampler.hasFullPass());
        QCOMPARE(sampler.fileSize(), size);
        QCOMPARE(sampler.cells().size(), std::size_t(100));
        const PageCacheState t = sampler.totals();
        QCOMPARE(t.pages, size / page); // page-aligned cells: each page counted once
        QCOMPARE(t.cached, 6 * kMiB / page);
        if (!mincore)
            QCOMPARE(t.dirty + t.writeback, 6 * kMiB / page);
        QCOMPARE(t.source, mincore ? PageCacheSource::Mincore : PageCacheSource::Cachestat);
        QCOMPARE(sampler.cells()[0].cached, 4 * kMiB / page);
        QCOMPARE(sampler.cells()[99].cached, 2 * kMiB / page);
        for (int i = 1; i < 99; ++i)
            QCOMPARE(sampler.cells()[std::size_t(i)].cached, 0u);
        // Cells tile the file.
        QCOMPARE(sampler.cellRange(0).offset, 0u);
        QCOMPARE(sampler.cellRange(99).end(), size);
        for (int i = 1; i < 100; ++i)
            QCOMPARE(sampler.cellRange(i).offset, sampler.cellRange(i - 1).end());
        ::close(fd);
    }

    // Large cells with mincore: only the data extents are looked at (exact below 4096 pages of data), and above
    // that the estimate from windows over the data (not over the holes) matches a fully cached extent.
    void mincoreCellsFollowTheDataExtents()
    {
        ForceMincore force;
        const std::string p = path("extents.bin");
        const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        const std::uint64_t size = 1ull << 30; // 10 cells of ~100 MiB
        QCOMPARE(::ftruncate(fd, off_t(size)), 0);
        QVERIFY(pwriteBytes(fd, 0, 4 * kMiB, 'a'));             // cell 0: 1024 pages, exact
        QVERIFY(pwriteBytes(fd, 50 * kMiB, 4 * kMiB, 'b'));     // cell 0 again, a second extent
        QVERIFY(pwriteBytes(fd, 420 * kMiB, 40 * kMiB, 'c'));   // cell 4 (410-512 MiB): 10240 pages, estimated
        auto probe = PageCacheProbe::open(p);
        QVERIFY(probe.ok());
        PageCacheSampler sampler(std::move(probe).value());
        auto r = sampler.refresh(10, 10s);
        QVERIFY2(r.ok() && *r, r.ok() ? "" : r.message().c_str());
        QCOMPARE(sampler.cells()[0].cached, 8 * kMiB / page);
        QVERIFY(!sampler.cells()[0].estimated);
        QCOMPARE(sampler.cells()[4].cached, 40 * kMiB / page);
        QVERIFY(sampler.cells()[4].estimated);
        // Half of that extent dropped: the estimate follows (four of the eight windows fall in each half).
        QCOMPARE(::fdatasync(fd), 0);
        QCOMPARE(::posix_fadvise(fd, off_t(440 * kMiB), off_t(20 * kMiB), POSIX_FADV_DONTNEED), 0);
        r = sampler.refresh(10, 10s);
        QVERIFY(r.ok());
        QCOMPARE(sampler.cells()[4].cached, 20 * kMiB / page);
        QCOMPARE(sampler.totals().cached, 28 * kMiB / page);
        ::close(fd);
    }

    // Another thread cuts and regrows the file while it is sampled (both sources): no SIGBUS, no error, and the
    // refresh after the last cut reports the new size.
    void truncatedWhileSampled_data() { samplerCoversTheFileAndSkipsHoles_data(); }
    void truncatedWhileSampled()
    {
        QFETCH(bool, mincore);
        if (!mincore && !PageCacheProbe::kernelHasCachestat())
            QSKIP("kernel without cachestat(2); the mincore row covers the fallback");
        PageCacheProbe::forceMincore(mincore);
        const std::string p = path("cut.bin");
        const int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        QVERIFY(pwriteBytes(fd, 0, 32 * kMiB, 'c'));
        auto probe = PageCacheProbe::open(p);
        QVERIFY(probe.ok());
        PageCacheSampler sampler(std::move(probe).value());
        std::atomic<bool> stop{false};
        std::atomic<int> cuts{0};
        std::thread cutter([&] {
            while (!stop.load()) {
                if (::ftruncate(fd, off_t(kMiB)) != 0 || !pwriteBytes(fd, 0, 32 * kMiB, 'c'))
                    return;
                cuts.fetch_add(1);
            }
        });
        const auto until = std::chrono::steady_clock::now() + 1s;
        int refreshes = 0;
        bool failed = false;
        while (std::chrono::steady_clock::now() < until || cuts.load() < 3) {
            auto r = sampler.refresh(64, 5ms);
            failed = failed || !r.ok();
            ++refreshes;
        }
        stop = true;
        cutter.join();
        QVERIFY(!failed);
        QVERIFY(refreshes > 0);
        QVERIFY(cuts.load() >= 3);
        QCOMPARE(::ftruncate(fd, off_t(3 * kMiB + 5)), 0);
        auto r = sampler.refresh(64, 10s);
        QVERIFY(r.ok());
        QCOMPARE(sampler.fileSize(), 3 * kMiB + 5);
        QCOMPARE(sampler.cellRange(63).end(), 3 * kMiB + 5);
        QVERIFY(sampler.totals().cached <= sampler.totals().pages);
        QCOMPARE(sampler.totals().pages, (3 * kMiB + 5 + page - 1) / page);
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestPageCache)
#include "tst_pagecache.moc"
