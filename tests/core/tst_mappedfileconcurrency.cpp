// Threads writing disjoint ranges of one mapped file through WriteRange tokens cut by one RangeAllocator and handed
// to them (as the job engine does), verified after sync() through an independent read path (pread on a fresh
// descriptor). Runs under ThreadSanitizer in CI.
#include "enginetesthelpers.h"

#include "core/mappedfile.h"

#include <QtTest>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

using namespace hexmap;
using namespace enginetest;

namespace {

constexpr std::uint64_t kFileSize = std::uint64_t{64} << 20; // 64 MiB

struct Grant {
    ByteRange range;
    std::uint64_t seed; // which pattern was written there
};

} // namespace

class TestMappedFileConcurrency : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void disjointWritersThenPread_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("writeThroughSpan"); // write(token, data) or generate(token) in place
        QTest::newRow("2 threads") << 2 << false;
        QTest::newRow("8 threads") << 8 << false;
        QTest::newRow("64 threads") << 64 << false;
        QTest::newRow("8 threads, in place") << 8 << true;
    }
    void disjointWritersThenPread()
    {
        QFETCH(int, threads);
        QFETCH(bool, writeThroughSpan);
        const std::string path = pathIn(m_dir, "concurrent.bin");
        auto created = MappedFile::create(path, kFileSize);
        QVERIFY2(created.ok(), created.message().c_str());
        MappedFile file = std::move(created).value();
        auto alloc = file.allocator(ByteRange{0, kFileSize});
        QVERIFY2(alloc.ok(), alloc.message().c_str());
        // Tokens of varied sizes, dealt round-robin: each thread gets several, scattered over the file.
        std::vector<std::vector<WriteRange>> dealt(static_cast<std::size_t>(threads));
        std::uint64_t request = 37 * 1024 + 5;
        for (std::size_t i = 0; auto token = alloc->allocate(request); ++i) {
            dealt[i % dealt.size()].push_back(std::move(*token));
            request = request * 3 % (512 * 1024) + 1;
        }
        QCOMPARE(alloc->remaining(), std::uint64_t{0});

        std::mutex grantsMutex;
        std::vector<Grant> grants;
        std::atomic<int> failures{0};
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            // Each worker uses its own copy of the handle (copies may be used concurrently).
            workers.emplace_back([&, t, handle = file, tokens = std::move(dealt[static_cast<std::size_t>(t)])]() mutable {
                const std::uint64_t seed = static_cast<std::uint64_t>(t) + 1;
                std::vector<Grant> mine;
                for (const WriteRange &token : tokens) {
                    Result<WriteReceipt> receipt = Errc::InvalidArgument;
                    if (writeThroughSpan) {
                        receipt = handle.generate(token, [&](std::span<std::byte> out) {
                            for (std::size_t i = 0; i < out.size(); ++i)
                                out[i] = patternByte(token.offset() + i, seed);
                        });
                    } else {
                        receipt = handle.write(token, patternBytes(token.offset(), token.size(), seed));
                    }
                    if (!receipt.ok() || receipt->range() != token.range()) { ++failures; return; }
                    mine.push_back({token.range(), seed});
                }
                std::lock_guard lock(grantsMutex);
                grants.insert(grants.end(), mine.begin(), mine.end());
            });
        }
        for (auto &w : workers)
            w.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(file.sync().ok());

        // Coverage: the grants tile the file exactly.
        std::sort(grants.begin(), grants.end(), [](const Grant &a, const Grant &b) {
            return a.range.offset < b.range.offset;
        });
        std::uint64_t cursor = 0;
        for (const Grant &g : grants) {
            QCOMPARE(g.range.offset, cursor);
            cursor = g.range.end();
        }
        QCOMPARE(cursor, kFileSize);

        // Content, through pread on a fresh descriptor (not the engine's mapping).
        const auto disk = preadBytes(path, 0, kFileSize);
        QCOMPARE(disk.size(), static_cast<std::size_t>(kFileSize));
        std::size_t bad = 0;
        for (const Grant &g : grants)
            for (std::uint64_t i = g.range.offset; i < g.range.end(); ++i)
                bad += disk[static_cast<std::size_t>(i)] != patternByte(i, g.seed);
        QCOMPARE(bad, std::size_t{0});
        if (threads > 1) {
            std::vector<bool> seen(static_cast<std::size_t>(threads) + 1);
            for (const Grant &g : grants)
                seen[static_cast<std::size_t>(g.seed)] = true;
            int writers = 0;
            for (bool s : seen)
                writers += s;
            QVERIFY2(writers >= 2, "expected several threads to have written (distinct patterns)");
        }
    }

    // Clones written from several threads through the unchecked layer on disjoint halves, then read back.
    void uncheckedLayerDisjointHalves()
    {
        const std::uint64_t p = page();
        const std::uint64_t size = 256 * p + 11;
        const std::string path = pathIn(m_dir, "halves.bin");
        auto created = MappedFile::create(path, size);
        QVERIFY(created.ok());
        MappedFile file = *created;
        const std::uint64_t half = 128 * p;
        std::thread a([handle = file, half]() mutable { (void)handle.fill(ByteRange{0, half}, std::byte{0xa1}); });
        std::thread b([handle = file, half, size]() mutable {
            (void)handle.zero(ByteRange{half, size - half}, ZeroMode::KeepSpace);
            handle.writeAt(half, patternBytes(half, size - half, 9));
        });
        a.join();
        b.join();
        QVERIFY(file.sync().ok());
        const auto disk = preadBytes(path, 0, size);
        QVERIFY(allEqual({disk.begin(), disk.begin() + static_cast<std::ptrdiff_t>(half)}, std::byte{0xa1}));
        QVERIFY(std::equal(disk.begin() + static_cast<std::ptrdiff_t>(half), disk.end(),
                           patternBytes(half, size - half, 9).begin()));
    }
};

QTEST_GUILESS_MAIN(TestMappedFileConcurrency)
#include "tst_mappedfileconcurrency.moc"
