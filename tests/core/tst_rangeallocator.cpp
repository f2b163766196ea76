// RangeAllocator, WriteRange and WriteReceipt: the safe layer's guarantees, each one a defect of the seed crate
// (ranged-mmap) that must stay impossible here, and the token writes the job workers use (fill, zero, generate,
// receipts joined and sliced for the sync). Runs under ThreadSanitizer in CI.
#include "enginetesthelpers.h"

#include "core/mappedfile.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <mutex>
#include <span>
#include <thread>
#include <type_traits>
#include <vector>

using namespace hexmap;
using namespace enginetest;

// Defect (1): a token could be copied. Tokens and allocators are move-only.
static_assert(!std::is_copy_constructible_v<WriteRange> && !std::is_copy_assignable_v<WriteRange>);
static_assert(std::is_nothrow_move_constructible_v<WriteRange> && std::is_nothrow_move_assignable_v<WriteRange>);
static_assert(!std::is_copy_constructible_v<RangeAllocator> && !std::is_copy_assignable_v<RangeAllocator>);
// Defect (2): only the file mints allocators (no public constructor from a file or a region).
static_assert(!std::is_constructible_v<RangeAllocator, MappedFile &>);
static_assert(!std::is_constructible_v<RangeAllocator, MappedFile &, ByteRange>);
static_assert(!std::is_default_constructible_v<RangeAllocator>);
static_assert(!std::is_default_constructible_v<WriteReceipt>);

namespace {
constexpr std::uint64_t kHuge = std::uint64_t{1} << 63;
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
} // namespace

class TestRangeAllocator : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MappedFile makeFile(const char *name, std::uint64_t size)
    {
        auto file = MappedFile::create(pathIn(m_dir, name), size);
        if (!file)
            qFatal("create failed: %s", file.message().c_str());
        return std::move(file).value();
    }

private slots:
    void grantsArePageMultiples_data()
    {
        QTest::addColumn<quint64>("request");
        const quint64 p = page();
        QTest::newRow("1") << quint64{1};
        QTest::newRow("page-1") << p - 1;
        QTest::newRow("page") << p;
        QTest::newRow("page+1") << p + 1;
        QTest::newRow("3 pages+7") << 3 * p + 7;
    }
    void grantsArePageMultiples()
    {
        QFETCH(quint64, request);
        const std::uint64_t p = page();
        const std::uint64_t size = 10 * p + 123; // the last grant must be short
        MappedFile file = makeFile("grants", size);
        auto alloc = file.allocator();
        QVERIFY2(alloc.ok(), alloc.message().c_str());
        std::vector<WriteRange> tokens;
        std::uint64_t expectedOffset = 0;
        while (auto token = alloc->allocate(request)) {
            QCOMPARE(token->offset(), expectedOffset);
            QVERIFY(token->size() >= std::min<std::uint64_t>(request, size - expectedOffset));
            if (token->range().end() != size)
                QCOMPARE(token->range().end() % p, std::uint64_t{0}); // sysconf page, not a literal
            QVERIFY(token->range().end() <= size);
            expectedOffset = token->range().end();
            tokens.push_back(std::move(*token));
        }
        QCOMPARE(expectedOffset, size);
        QCOMPARE(alloc->remaining(), std::uint64_t{0});
        QVERIFY(!alloc->allocate(1));
        QVERIFY(!alloc->allocate(0));
    }

    void secondAllocatorOverlappingIsBusy()
    {
        const std::uint64_t p = page();
        MappedFile file = makeFile("busy", 8 * p);
        MappedFile clone = file; // another handle of the same file must see the same reservations
        {
            auto first = file.allocator(ByteRange{0, 4 * p});
            QVERIFY(first.ok());
            auto token = first->allocate(p);
            QVERIFY(token.has_value());
            auto overlapping = clone.allocator(ByteRange{3 * p, 2 * p});
            QCOMPARE(overlapping.code(), make_error_code(Errc::RangeBusy));
            QVERIFY(overlapping.message().find(file.path()) != std::string::npos);
            QCOMPARE(clone.allocator().code(), make_error_code(Errc::RangeBusy));
            QCOMPARE(file.allocator(ByteRange{0, 1}).code(), make_error_code(Errc::RangeBusy));
            QVERIFY(file.isReserved(ByteRange{4 * p - 1, 1}));
            QVERIFY(!file.isReserved(ByteRange{4 * p, 4 * p}));

            // The allocator goes, its token stays: the region is still reserved.
            RangeAllocator moved = std::move(first).value();
            { RangeAllocator gone = std::move(moved); }
            QVERIFY(file.isReserved(ByteRange{0, 1}));
            QCOMPARE(clone.allocator(ByteRange{0, p}).code(), make_error_code(Errc::RangeBusy));
        } // the token goes too
        QVERIFY(!file.isReserved(ByteRange{0, 8 * p}));
        auto again = clone.allocator(ByteRange{0, 4 * p});
        QVERIFY2(again.ok(), again.message().c_str());
    }

    void disjointAllocatorsNeverOverlap()
    {
        const std::uint64_t p = page();
        const std::uint64_t size = 16 * p + 100;
        MappedFile file = makeFile("disjoint", size);
        // Region boundaries deliberately unaligned: grants must still stay inside their region.
        const std::uint64_t split = 7 * p + 33;
        auto a = file.allocator(ByteRange{0, split});
        auto b = file.allocator(ByteRange{split, size - split});
        QVERIFY(a.ok() && b.ok());
        std::vector<ByteRange> granted;
        std::vector<WriteRange> keep;
        for (int i = 0; i < 100; ++i) {
            if (auto t = a->allocate(p / 3 + 1)) { granted.push_back(t->range()); keep.push_back(std::move(*t)); }
            if (auto t = b->allocate(p / 2 + 5)) { granted.push_back(t->range()); keep.push_back(std::move(*t)); }
        }
        std::sort(granted.begin(), granted.end(), [](ByteRange x, ByteRange y) { return x.offset < y.offset; });
        std::uint64_t cursor = 0;
        for (const ByteRange &r : granted) {
            QCOMPARE(r.offset, cursor); // no gap, no overlap
            cursor = r.end();
        }
        QCOMPARE(cursor, size);
        for (const WriteRange &t : keep)
            QVERIFY(ByteRange({0, split}).contains(t.range()) || ByteRange({split, size - split}).contains(t.range()));
    }

    // Defect (4): huge requests wrapped the counter or ran past the end.
    void hugeRequestsNeverWrap_data()
    {
        QTest::addColumn<bool>("smallFirst");
        QTest::newRow("plain") << false;
        QTest::newRow("plain, small first") << true;
    }
    void hugeRequestsNeverWrap()
    {
        QFETCH(bool, smallFirst);
        const std::uint64_t p = page();
        MappedFile file = makeFile("huge", 64 * p);
        const ByteRange region{4 * p, 32 * p}; // not at the end of the file: an overrun would be visible
        std::vector<ByteRange> got;
        auto run = [&](auto &alloc) {
            std::vector<WriteRange> keep;
            auto take = [&](std::uint64_t n) {
                auto t = alloc.allocate(n);
                got.push_back(t ? t->range() : ByteRange{0, 0});
                if (t)
                    keep.push_back(std::move(*t));
            };
            if (smallFirst)
                take(1);
            take(kHuge);
            take(kHuge);
            take(kMax);
            take(p);
            QCOMPARE(alloc.remaining(), std::uint64_t{0});
        };
        auto alloc = file.allocator(region);
        QVERIFY(alloc.ok());
        run(*alloc);
        std::size_t i = 0;
        if (smallFirst) {
            QCOMPARE(got[i++], (ByteRange{4 * p, p}));
            QCOMPARE(got[i++], (ByteRange{5 * p, 31 * p})); // the rest, clamped at the region's end
        } else {
            QCOMPARE(got[i++], region);
        }
        for (; i < got.size(); ++i)
            QVERIFY2(got[i].isEmpty(), "an exhausted allocator granted bytes");
    }

    // Defect (5): a token or receipt from one file used on another.
    void wrongFileIsRefused()
    {
        const std::uint64_t p = page();
        MappedFile a = makeFile("wrong-a", 4 * p);
        MappedFile b = makeFile("wrong-b", 4 * p);
        auto allocA = a.allocator();
        QVERIFY(allocA.ok());
        auto token = allocA->allocate(p);
        QVERIFY(token.has_value());
        const std::vector<std::byte> data(16, std::byte{0x5a});
        QCOMPARE(b.write(*token, data).code(), make_error_code(Errc::WrongFile));
        QCOMPARE(b.write(*token, 4, data).code(), make_error_code(Errc::WrongFile));
        QCOMPARE(b.fill(*token, std::byte{1}).code(), make_error_code(Errc::WrongFile));
        QCOMPARE(b.zero(*token).code(), make_error_code(Errc::WrongFile));
        bool generated = false;
        QCOMPARE(b.generate(*token, [&](std::span<std::byte>) { generated = true; }).code(),
                 make_error_code(Errc::WrongFile));
        QVERIFY(!generated); // the generator never sees another file's bytes
        QVERIFY(allEqual(preadBytes(b.path(), 0, 4 * p), std::byte{0}));

        auto receipt = a.write(*token, data);
        QVERIFY(receipt.ok());
        QCOMPARE(b.syncRange(*receipt).code(), make_error_code(Errc::WrongFile));
        QCOMPARE(b.flushRangeAsync(*receipt).code(), make_error_code(Errc::WrongFile));
        QVERIFY(a.syncRange(*receipt).ok());
        QVERIFY(a.flushRangeAsync(*receipt).ok());
        QCOMPARE(MappedFile().syncRange(*receipt).code(), make_error_code(Errc::WrongFile));

        // An empty (moved-from) token belongs to no file.
        WriteRange taken = std::move(*token);
        QCOMPARE(a.write(*token, {}).code(), make_error_code(Errc::WrongFile));
        QVERIFY(a.write(taken, data).ok());
    }

    // A receipt outliving its file must not match a new file allocated at the same address.
    void staleReceiptDoesNotMatchANewFile()
    {
        const std::uint64_t p = page();
        std::optional<WriteReceipt> stale;
        {
            MappedFile a = makeFile("stale-a", p);
            auto alloc = a.allocator();
            auto token = alloc->allocate(p);
            auto receipt = a.fill(*token, std::byte{7});
            QVERIFY(receipt.ok());
            stale = *receipt;
        }
        for (int i = 0; i < 8; ++i) { // new mappings very likely reuse the freed address
            MappedFile b = makeFile("stale-b", p);
            QCOMPARE(b.syncRange(*stale).code(), make_error_code(Errc::WrongFile));
        }
    }

    // Defect (3): writing more than a range holds is refused in release builds too (this suite is built with
    // NDEBUG in CI; nothing here depends on assert()). The neighbouring bytes prove nothing was written.
    void overflowingWriteIsRefused_data()
    {
        QTest::addColumn<quint64>("offsetInRange");
        QTest::addColumn<quint64>("length");
        QTest::addColumn<bool>("ok");
        const quint64 p = page();
        QTest::newRow("exact") << quint64{0} << p << true;
        QTest::newRow("one byte more") << quint64{0} << p + 1 << false;
        QTest::newRow("last byte") << p - 1 << quint64{1} << true;
        QTest::newRow("ends one past") << p - 1 << quint64{2} << false;
        QTest::newRow("empty at end") << p << quint64{0} << true;
        QTest::newRow("offset past end") << p + 1 << quint64{0} << false;
        QTest::newRow("offset huge") << quint64{kMax} << quint64{1} << false;
    }
    void overflowingWriteIsRefused()
    {
        QFETCH(quint64, offsetInRange);
        QFETCH(quint64, length);
        QFETCH(bool, ok);
#ifdef NDEBUG
        qInfo("built with NDEBUG: these checks run without assert()");
#endif
        const std::uint64_t p = page();
        MappedFile file = makeFile("overflow", 3 * p);
        auto alloc = file.allocator(ByteRange{p, p});
        QVERIFY(alloc.ok());
        auto token = alloc->allocate(p);
        QVERIFY(token.has_value());
        const std::vector<std::byte> data(static_cast<std::size_t>(length), std::byte{0xee});
        auto receipt = file.write(*token, offsetInRange, data);
        QCOMPARE(receipt.ok(), ok);
        if (!ok)
            QCOMPARE(receipt.code(), make_error_code(Errc::RangeOverflow));
        QVERIFY(file.sync().ok());
        const auto disk = preadBytes(file.path(), 0, 3 * p);
        QCOMPARE(disk.size(), static_cast<std::size_t>(3 * p));
        std::size_t written = 0;
        for (std::size_t i = 0; i < disk.size(); ++i)
            written += disk[i] != std::byte{0};
        QCOMPARE(written, ok ? static_cast<std::size_t>(length) : std::size_t{0});
        QVERIFY(allEqual({disk.begin(), disk.begin() + static_cast<std::ptrdiff_t>(p)}, std::byte{0}));
        QVERIFY(allEqual({disk.begin() + static_cast<std::ptrdiff_t>(2 * p), disk.end()}, std::byte{0}));
    }

    void split_data()
    {
        QTest::addColumn<qint64>("pagesFromStart"); // split point in pages from the token's start
        QTest::addColumn<qint64>("extraBytes");
        QTest::addColumn<bool>("ok");
        QTest::newRow("aligned inside") << qint64{1} << qint64{0} << true;
        QTest::newRow("aligned, last page") << qint64{3} << qint64{0} << true;
        QTest::newRow("at start") << qint64{0} << qint64{0} << false;
        QTest::newRow("at end") << qint64{4} << qint64{0} << false;
        QTest::newRow("past end") << qint64{5} << qint64{0} << false;
        QTest::newRow("before start") << qint64{-1} << qint64{0} << false;
        QTest::newRow("misaligned") << qint64{1} << qint64{1} << false;
        QTest::newRow("misaligned -1") << qint64{2} << qint64{-1} << false;
    }
    void split()
    {
        QFETCH(qint64, pagesFromStart);
        QFETCH(qint64, extraBytes);
        QFETCH(bool, ok);
        const std::uint64_t p = page();
        MappedFile file = makeFile("split", 8 * p);
        auto alloc = file.allocator(ByteRange{2 * p, 4 * p});
        auto token = alloc->allocate(4 * p);
        QVERIFY(token.has_value());
        const ByteRange whole = token->range();
        const auto at = static_cast<std::uint64_t>(static_cast<std::int64_t>(whole.offset)
                                                   + pagesFromStart * static_cast<std::int64_t>(p) + extraBytes);
        auto parts = std::move(*token).split(at);
        QCOMPARE(parts.ok(), ok);
        if (ok) {
            QVERIFY(!token->isValid());
            QCOMPARE(parts->first.range(), ByteRange::fromBounds(whole.offset, at));
            QCOMPARE(parts->second.range(), ByteRange::fromBounds(at, whole.end()));
            QVERIFY(file.fill(parts->first, std::byte{1}).ok());
            QVERIFY(file.fill(parts->second, std::byte{2}).ok());
            QCOMPARE(file.write(parts->first, std::vector<std::byte>(parts->first.size() + 1)).code(),
                     make_error_code(Errc::RangeOverflow));
            QCOMPARE(file.data()[at - 1], std::byte{1});
            QCOMPARE(file.data()[at], std::byte{2});
            QVERIFY(file.isReserved(whole)); // the halves keep the region reserved
        } else {
            QCOMPARE(parts.code(), make_error_code(Errc::InvalidArgument));
            QVERIFY(token->isValid()); // untouched and still usable
            QCOMPARE(token->range(), whole);
            QVERIFY(file.fill(*token, std::byte{3}).ok());
            QCOMPARE(file.data()[whole.end() - 1], std::byte{3});
        }
        WriteRange empty;
        QCOMPARE(std::move(empty).split(p).code(), make_error_code(Errc::WrongFile));
    }

    void allocatorErrors()
    {
        const std::uint64_t p = page();
        MappedFile file = makeFile("allocerr", 2 * p);
        QCOMPARE(file.allocator(ByteRange{p, 0}).code(), make_error_code(Errc::InvalidArgument));
        QCOMPARE(file.allocator(ByteRange{p, p + 1}).code(), make_error_code(Errc::OutOfBounds));
        QCOMPARE(file.allocator(ByteRange{kMax, 2}).code(), make_error_code(Errc::OutOfBounds));
        QCOMPARE(MappedFile().allocator().code(), make_error_code(Errc::InvalidArgument));
        auto readOnly = MappedFile::openReadOnly(file.path());
        QVERIFY(readOnly.ok());
        QCOMPARE(readOnly->allocator().code(), make_error_code(Errc::NotWritable));
        QCOMPARE(readOnly->allocator(ByteRange{0, 1}).code(), make_error_code(Errc::NotWritable));
    }

    // Threads (each with its own handle) race to mint allocators over overlapping regions of one file: the file's
    // claim registry grants a region only when no live allocator or token holds any byte of it.
    void concurrentClaimsNeverOverlap()
    {
        const std::uint64_t p = page();
        const std::uint64_t pages = 64;
        MappedFile file = makeFile("claims", pages * p);
        std::mutex liveMutex;
        std::vector<ByteRange> live;
        std::atomic<int> overlaps{0};
        std::atomic<int> granted{0};
        std::atomic<int> busy{0};
        std::atomic<int> started{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t, handle = file]() mutable {
                ++started;
                while (started.load() < 8)
                    std::this_thread::yield(); // all threads race from the same moment
                std::uint64_t n = static_cast<std::uint64_t>(t) * 7919 + 1;
                for (int i = 0; i < 2000; ++i) {
                    n = n * 6364136223846793005ULL + 1442695040888963407ULL;
                    const std::uint64_t first = (n >> 33) % pages;
                    const std::uint64_t count = 1 + (n >> 17) % std::min<std::uint64_t>(8, pages - first);
                    const ByteRange region{first * p, count * p};
                    auto alloc = handle.allocator(region);
                    if (!alloc) {
                        busy += alloc.code() == make_error_code(Errc::RangeBusy);
                        continue;
                    }
                    ++granted;
                    auto token = alloc->allocate(region.size); // the token, not the allocator, holds it below
                    {
                        std::lock_guard lock(liveMutex);
                        for (const ByteRange &other : live)
                            overlaps += other.overlaps(region);
                        live.push_back(region);
                    }
                    { RangeAllocator gone = std::move(alloc).value(); }
                    std::this_thread::yield();
                    {
                        std::lock_guard lock(liveMutex);
                        live.erase(std::find(live.begin(), live.end(), region));
                    } // then the token goes, releasing the region
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(overlaps.load(), 0);
        QVERIFY(granted.load() > 0);
        QVERIFY2(busy.load() > 0, "the threads never contended: the test proved nothing");
        QVERIFY(!file.isReserved(ByteRange{0, pages * p}));
    }

    // The writes a job worker makes: chunks split off its token, written with fill, generate (in place) and zero,
    // each returning the receipt of exactly its chunk; the receipts join into one that is synced slice by slice.
    void tokenWritesReturnTheirReceipts()
    {
        const std::uint64_t p = page();
        MappedFile file = makeFile("tokenwrites", 8 * p);
        QVERIFY(file.fill(ByteRange{0, 8 * p}, std::byte{0xee}).ok()); // data in place, so zero has work to do
        auto alloc = file.allocator(ByteRange{p, 6 * p});
        QVERIFY(alloc.ok());
        auto whole = alloc->allocate(6 * p);
        QVERIFY(whole.has_value());
        auto first = std::move(*whole).split(3 * p);
        QVERIFY(first.ok());
        auto second = std::move(first->second).split(5 * p);
        QVERIFY(second.ok());
        const WriteRange &a = first->first;   // [p, 3p)
        const WriteRange &b = second->first;  // [3p, 5p)
        const WriteRange &c = second->second; // [5p, 7p)

        auto ra = file.fill(a, std::byte{0x11});
        std::uint64_t seen = 0;
        auto rb = file.generate(b, [&](std::span<std::byte> out) {
            seen = out.size();
            for (std::size_t i = 0; i < out.size(); ++i)
                out[i] = patternByte(3 * p + i, 5);
        });
        auto rc = file.zero(c, ZeroMode::KeepSpace);
        QVERIFY(ra.ok() && rb.ok() && rc.ok());
        QCOMPARE(seen, 2 * p);
        QCOMPARE(ra->range(), a.range());
        QCOMPARE(rb->range(), b.range());
        QCOMPARE(rc->range(), c.range());

        auto ab = ra->followedBy(*rb);
        QVERIFY2(ab.ok(), ab.message().c_str());
        auto all = ab->followedBy(*rc);
        QVERIFY(all.ok());
        QCOMPARE(all->range(), (ByteRange{p, 6 * p}));
        auto middle = all->slice(ByteRange{2 * p, 3 * p});
        QVERIFY(middle.ok());
        QCOMPARE(middle->range(), (ByteRange{2 * p, 3 * p}));
        QVERIFY(file.syncRange(*middle).ok());
        QVERIFY(file.syncRange(*all).ok());

        const auto disk = preadBytes(file.path(), 0, 8 * p); // an independent read path
        const auto at = [&](std::uint64_t from, std::uint64_t to) {
            return std::vector<std::byte>(disk.begin() + static_cast<std::ptrdiff_t>(from),
                                          disk.begin() + static_cast<std::ptrdiff_t>(to));
        };
        QVERIFY(allEqual(at(0, p), std::byte{0xee}));
        QVERIFY(allEqual(at(p, 3 * p), std::byte{0x11}));
        QVERIFY(at(3 * p, 5 * p) == patternBytes(3 * p, 2 * p, 5));
        QVERIFY(allEqual(at(5 * p, 7 * p), std::byte{0}));
        QVERIFY(allEqual(at(7 * p, 8 * p), std::byte{0xee}));
    }

    // Receipts join only when adjacent and of one file; a slice must lie inside the receipt.
    void receiptsJoinAndSliceOnlyWhatWasWritten()
    {
        const std::uint64_t p = page();
        MappedFile file = makeFile("receipts", 4 * p);
        MappedFile other = makeFile("receipts-other", 4 * p);
        auto alloc = file.allocator();
        auto t0 = alloc->allocate(p);
        auto gap = alloc->allocate(p);
        auto t2 = alloc->allocate(p);
        auto otherAlloc = other.allocator();
        auto o1 = otherAlloc->allocate(2 * p);
        QVERIFY(t0 && gap && t2 && o1);
        auto r0 = file.fill(*t0, std::byte{1});
        auto r2 = file.fill(*t2, std::byte{2});
        auto oRest = otherAlloc->allocate(p);
        QVERIFY(oRest.has_value());
        auto ro = other.fill(*oRest, std::byte{3}); // [2p, 3p) of the other file: adjacent by offset only
        auto r1 = file.fill(*gap, std::byte{4});
        QVERIFY(r0.ok() && r1.ok() && r2.ok() && ro.ok());

        auto notAdjacent = r0->followedBy(*r2);
        QCOMPARE(notAdjacent.code(), make_error_code(Errc::InvalidArgument));
        QVERIFY(notAdjacent.message().find(std::to_string(2 * p)) != std::string::npos); // names the ranges
        QCOMPARE(r2->followedBy(*r0).code(), make_error_code(Errc::InvalidArgument)); // order matters
        QCOMPARE(r1->followedBy(*ro).code(), make_error_code(Errc::WrongFile));
        QVERIFY(r0->followedBy(*r1).ok());

        QCOMPARE(r1->slice(ByteRange{p, 0}).code(), make_error_code(Errc::InvalidArgument));
        QCOMPARE(r1->slice(ByteRange{p - 1, 2}).code(), make_error_code(Errc::InvalidArgument));
        QCOMPARE(r1->slice(ByteRange{2 * p - 1, 2}).code(), make_error_code(Errc::InvalidArgument));
        auto inside = r1->slice(ByteRange{p + 1, p - 1});
        QVERIFY(inside.ok());
        QCOMPARE(other.syncRange(*inside).code(), make_error_code(Errc::WrongFile)); // a slice keeps its file
        QVERIFY(file.syncRange(*inside).ok());
    }
};

QTEST_GUILESS_MAIN(TestRangeAllocator)
#include "tst_rangeallocator.moc"
