// saveOverlay: writes exactly the overlay's bytes (verified with pread against a reference copy), syncs once,
// reports failed ranges (read-only mapping, past the end, injected faults). A Save is atomic as a whole: a check
// that fails writes nothing; a write fault after the journal was committed keeps going (the journal completes it).
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
    void initTestCase();
    void writesExactlyTheEdits_data();
    void writesExactlyTheEdits();
    void oneSyncForAllRuns();
    void readOnlyMappingFailsEveryRun();
    void runPastTheEndFails();
    void runningJobRangeRefusesTheWholeSave();
    void injectedFaultKeepsGoing_data();
    void injectedFaultKeepsGoing();

private:
    QTemporaryDir m_journals; // HEXMAP_JOURNAL_DIR: never the user's own journal directory
    // A file of `size` pattern bytes, mapped read-write, plus its reference copy.
    MappedFile makeFile(const QTemporaryDir &dir, std::uint64_t size, std::vector<std::byte> &reference);
};

void TestOverlaySaver::initTestCase()
{
    QVERIFY(m_journals.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", QFile::encodeName(m_journals.path()));
}

MappedFile TestOverlaySaver::makeFile(const QTemporaryDir &dir, std::uint64_t size,
                                      std::vector<std::byte> &reference)
{
    const std::string path = pathIn(dir, "file.bin");
    auto created = MappedFile::create(path, size);
    if (!created)
        return {};
    reference = patternBytes(0, size, 7);
    if (!created->writeAllAt(0, reference) || !created->sync() || !created->refreshIdentity())
        return {}; // refreshIdentity: these writes are ours, not another program's
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

void TestOverlaySaver::oneSyncForAllRuns()
{
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    const std::uint64_t size = 8u << 20;
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
    // One sync over the span of every written run (an fdatasync of that span), not one per run or group.
    QCOMPARE(report.syncCalls, std::size_t(1));
    QCOMPARE(synced.size(), std::size_t(1));
    QCOMPARE(synced[0].offset, std::uint64_t(0));
    QCOMPARE(synced[0].offset % page(), std::uint64_t(0));
    QCOMPARE(synced.back().end(), size);
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
    const SaveReport report = saveOverlay(file, overlay);
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].range, (ByteRange{98, 4}));
    QCOMPARE(report.failures[0].error.code, make_error_code(Errc::OutOfBounds));
    QVERIFY(report.written.empty());
    QVERIFY(preadBytes(file.path(), 0, 100) == reference); // all or nothing for the whole Save: byte 10 is old
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
    QTest::newRow("the sync fails") << int(SaveStage::Sync);
}

void TestOverlaySaver::injectedFaultKeepsGoing()
{
    QFETCH(int, stage);
    QTemporaryDir dir;
    std::vector<std::byte> reference;
    const std::uint64_t gap = 1u << 20;
    const std::uint64_t size = 3 * gap + 3 * page();
    MappedFile file = makeFile(dir, size, reference);
    QVERIFY(file.isValid());
    EditOverlay overlay;
    const std::uint64_t offsets[] = {3, gap + 2 * page(), size - 1}; // three runs far apart
    for (std::uint64_t o : offsets)
        QVERIFY(overlay.set(o, std::byte(0x5A)));
    int calls = 0;
    const SaveReport report = saveOverlay(file, overlay, [&](SaveStage s, ByteRange) -> Status {
        if (int(s) == stage && ++calls == (stage == int(SaveStage::Write) ? 2 : 1))
            return Status(std::error_code(EIO, std::system_category()), "injected");
        return {};
    });
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures[0].error.code, std::error_code(EIO, std::system_category()));
    QVERIFY(report.failures[0].range.contains(offsets[1]));
    QVERIFY(QString::fromStdString(report.summary()).contains("1 range failed"));
    // The other two runs were written (and synced); with a write fault the 2nd run's byte is untouched.
    QCOMPARE(report.written.size(), std::size_t(stage == int(SaveStage::Write) ? 2 : 3));
    QVERIFY(report.journalKept); // the next open completes the Save
    for (std::uint64_t o : offsets)
        if (stage == int(SaveStage::Sync) || o != offsets[1])
            reference[o] = std::byte(0x5A);
    QVERIFY(preadBytes(file.path(), 0, size) == reference);
    // write fault: the 2 written runs -> 1 sync; sync fault: the one sync never reaches syncRange
    QCOMPARE(report.syncCalls, std::size_t(stage == int(SaveStage::Write) ? 1 : 0));
}

QTEST_GUILESS_MAIN(TestOverlaySaver)
#include "tst_overlaysaver.moc"
