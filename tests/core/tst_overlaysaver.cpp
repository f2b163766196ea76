// saveOverlay: writes exactly the overlay's bytes (verified with pread against a reference copy), merges syncs,
// reports failed ranges (read-only mapping, past the end, injected faults) without stopping early.
#include "core/editoverlay.h"
#include "core/mappedfile.h"
#include "core/overlaysaver.h"
#include "enginetesthelpers.h"

#include <QtTest>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

using namespace hexmap;
using namespace enginetest;

class TestOverlaySaver : public QObject {
    Q_OBJECT

private slots:
    void writesExactlyTheEdits_data();
    void writesExactlyTheEdits();
    void syncCallsAreMerged();
    void readOnlyMappingFailsEveryRun();
    void runPastTheEndFails();
    void runningJobRangeRefusesTheWholeSave();
    void injectedFaultKeepsGoing_data();
    void injectedFaultKeepsGoing();

private:
    // A file of `size` pattern bytes, mapped read-write, plus its reference copy.
    MappedFile makeFile(const QTemporaryDir &dir, std::uint64_t size, std::vector<std::byte> &reference);
};

MappedFile TestOverlaySaver::makeFile(const QTemporaryDir &dir, std::uint64_t size,
                                      std::vector<std::byte> &reference)
{
    const std::string path = pathIn(dir, "file.bin");
    auto created = MappedFile::create(path, size);
    if (!created)
        return {};
    reference = patternBytes(0, size, 7);
    if (!created->writeAllAt(0, reference) || !created->sync())
        return {};
    return *created;
}

void TestOverlaySaver::writesExactlyTheEdits_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<QList<quint64>>("edits"); // offsets; each edit is 1..5 bytes clamped to the file
    const quint64 p = page();
    QTest::newRow("size 1") << quint64(1) << QList<quint64>{0};
    QTest::newRow("page-1 boundary") << 3 * p << QList<quint64>{p - 1, 2 * p - 2};
    QTest::newRow("page boundary") << 3 * p << QList<quint64>{p, 2 * p};
    QTest::newRow("page+1") << 3 * p + 1 << QList<quint64>{p + 1, 3 * p};
    QTest::newRow("last byte") << 2 * p + 3 << QList<quint64>{2 * p + 2};
    QTest::newRow("far apart") << 600 * p << QList<quint64>{5, 300 * p + 11, 599 * p};
}

void TestOverlaySaver::writesExactlyTheEdits()
{
    QFETCH(quint64, size);
    QFETCH(QList<quint64>, edits);
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    MappedFile file = makeFile(dir, size, reference);
    QVERIFY(file.isValid());
    EditOverlay overlay;
    std::mt19937 rng(1);
    for (quint64 offset : edits) {
        const std::uint64_t length = std::min<std::uint64_t>(1 + rng() % 5, size - offset);
        std::vector<std::byte> data(length);
        for (auto &b : data) {
            b = std::byte(rng());
        }
        QVERIFY(overlay.set(offset, data));
        std::copy(data.begin(), data.end(), reference.begin() + std::ptrdiff_t(offset));
    }
    const SaveReport report = saveOverlay(file, overlay);
    QVERIFY2(report.ok(), report.summary().c_str());
    QCOMPARE(report.bytesWritten, overlay.byteCount());
    QCOMPARE(report.runsWritten, overlay.runCount());
    QVERIFY(preadBytes(file.path(), 0, size) == reference); // everything else untouched
}

void TestOverlaySaver::syncCallsAreMerged()
{
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    const std::uint64_t size = 8 * kSaveSyncMergeGap;
    MappedFile file = makeFile(dir, size, reference);
    QVERIFY(file.isValid());
    EditOverlay overlay;
    for (std::uint64_t i = 0; i < 1000; ++i) // 1000 runs within the first 8 KiB-ish stride: one span
        QVERIFY(overlay.set(i * 7, std::byte(0xAB)));
    QVERIFY(overlay.set(size - 1, std::byte(0xCD))); // far away: a second span
    for (std::uint64_t i = 0; i < 1000; ++i)
        reference[i * 7] = std::byte(0xAB);
    reference[size - 1] = std::byte(0xCD);
    std::vector<ByteRange> synced;
    const SaveReport report = saveOverlay(file, overlay, [&](SaveStage stage, ByteRange range) {
        if (stage == SaveStage::Sync)
            synced.push_back(range);
        return Status{};
    });
    QVERIFY2(report.ok(), report.summary().c_str());
    QCOMPARE(report.syncCalls, std::size_t(2));
    QCOMPARE(synced.size(), std::size_t(2));
    QCOMPARE(synced[0].offset, std::uint64_t(0));
    QCOMPARE(synced[0].offset % page(), std::uint64_t(0));
    QCOMPARE(synced[1].end(), size);
    QVERIFY(preadBytes(file.path(), 0, size) == reference);
}

void TestOverlaySaver::readOnlyMappingFailsEveryRun()
{
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    MappedFile rw = makeFile(dir, 3 * page(), reference);
    QVERIFY(rw.isValid());
    auto ro = MappedFile::openReadOnly(rw.path());
    QVERIFY(ro.ok());
    EditOverlay overlay;
    QVERIFY(overlay.set(1, std::byte(1)));
    QVERIFY(overlay.set(page() + 1, std::byte(2)));
    const SaveReport report = saveOverlay(*ro, overlay);
    QVERIFY(!report.ok());
    QCOMPARE(report.failures.size(), std::size_t(2));
    QCOMPARE(report.failures[0].error.code, make_error_code(Errc::NotWritable));
    QCOMPARE(report.failures[1].range, (ByteRange{page() + 1, 1}));
    QCOMPARE(report.bytesWritten, std::uint64_t(0));
    QCOMPARE(report.syncCalls, std::size_t(0));
    QVERIFY(preadBytes(rw.path(), 0, 3 * page()) == reference);
}

void TestOverlaySaver::runPastTheEndFails()
{
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    MappedFile file = makeFile(dir, 100, reference);
    QVERIFY(file.isValid());
    EditOverlay overlay;
    QVERIFY(overlay.set(10, std::byte(1)));
    const std::vector<std::byte> tail(4, std::byte{9});
    QVERIFY(overlay.set(98, tail)); // [98, 102): crosses the end
    reference[10] = std::byte(1);
    const SaveReport report = saveOverlay(file, overlay);
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].range, (ByteRange{98, 4}));
    QCOMPARE(report.failures[0].error.code, make_error_code(Errc::OutOfBounds));
    QVERIFY(preadBytes(file.path(), 0, 100) == reference); // all or nothing per run
}

void TestOverlaySaver::runningJobRangeRefusesTheWholeSave()
{
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    MappedFile file = makeFile(dir, 4 * page(), reference);
    QVERIFY(file.isValid());
    EditOverlay overlay;
    QVERIFY(overlay.set(1, std::byte(1)));            // outside the job
    QVERIFY(overlay.set(2 * page() + 5, std::byte(2))); // inside the job's range
    {
        // A running job holds an allocator over its range for as long as it runs.
        auto job = file.allocator(ByteRange{2 * page(), page()});
        QVERIFY(job.ok());
        const SaveReport report = saveOverlay(file, overlay);
        QCOMPARE(report.failures.size(), std::size_t(1));
        QCOMPARE(report.failures[0].range, (ByteRange{2 * page() + 5, 1}));
        QCOMPARE(report.failures[0].error.code, make_error_code(Errc::RangeBusy));
        QCOMPARE(report.bytesWritten, std::uint64_t(0));
        QVERIFY(preadBytes(file.path(), 0, 4 * page()) == reference); // nothing written, not even outside
    }
    const SaveReport after = saveOverlay(file, overlay); // the job is gone
    QVERIFY(after.ok());
    reference[1] = std::byte(1);
    reference[2 * page() + 5] = std::byte(2);
    QVERIFY(preadBytes(file.path(), 0, 4 * page()) == reference);
}

void TestOverlaySaver::injectedFaultKeepsGoing_data()
{
    QTest::addColumn<int>("stage"); // SaveStage
    QTest::newRow("write of the 2nd run fails") << int(SaveStage::Write);
    QTest::newRow("sync of the 2nd span fails") << int(SaveStage::Sync);
}

void TestOverlaySaver::injectedFaultKeepsGoing()
{
    QFETCH(int, stage);
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    const std::uint64_t size = 3 * kSaveSyncMergeGap + 3 * page();
    MappedFile file = makeFile(dir, size, reference);
    QVERIFY(file.isValid());
    EditOverlay overlay;
    const std::uint64_t offsets[] = {3, kSaveSyncMergeGap + 2 * page(), size - 1}; // three separate spans
    for (std::uint64_t o : offsets)
        QVERIFY(overlay.set(o, std::byte(0x5A)));
    int calls = 0;
    const SaveReport report = saveOverlay(file, overlay, [&](SaveStage s, ByteRange) -> Status {
        if (int(s) == stage && ++calls == 2)
            return Status(std::error_code(EIO, std::system_category()), "injected");
        return {};
    });
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].error.code, std::error_code(EIO, std::system_category()));
    QVERIFY(report.failures[0].range.contains(offsets[1]));
    QVERIFY(QString::fromStdString(report.summary()).contains("1 range failed"));
    // The other two runs were written and synced; with a write fault the 2nd run's byte is untouched.
    for (std::uint64_t o : offsets)
        if (stage == int(SaveStage::Sync) || o != offsets[1])
            reference[o] = std::byte(0x5A);
    QVERIFY(preadBytes(file.path(), 0, size) == reference);
    // write fault: 2 written runs -> 2 syncs; sync fault: 3 spans, the 2nd never reaches syncRange -> 2 syncs
    QCOMPARE(report.syncCalls, std::size_t(2));
}

QTEST_GUILESS_MAIN(TestOverlaySaver)
#include "tst_overlaysaver.moc"
