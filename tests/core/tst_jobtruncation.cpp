// A job over a file that another process truncates mid-job stops with Errc::FileTruncated ("the file was
// truncated on disk", naming the file), whichever way it writes, and never grows the file back: truncated while
// the workers are paused, before the job starts (the up-front block reservation), and - through the job's chunk
// hook - exactly between a worker's size check and its write, or right after the write of the last chunk.
#include "core/errors.h"
#include "core/job.h"
#include "core/mappedfile.h"
#include "enginetesthelpers.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <string>

using namespace hexmap;

Q_DECLARE_METATYPE(hexmap::JobOperation)
Q_DECLARE_METATYPE(hexmap::WriteMethod)
Q_DECLARE_METATYPE(hexmap::ZeroMode)
Q_DECLARE_METATYPE(hexmap::ChunkPoint)

namespace {

// Each way a job writes; `zeroMode` only matters for Zero.
struct WriteVariant {
    const char *name;
    JobOperation operation;
    WriteMethod method;
    bool prefault;
    ZeroMode zeroMode;
};
const WriteVariant kVariants[] = {
    {"fill, page cache", JobOperation::Fill, WriteMethod::PageCache, false, ZeroMode::KeepSpace},
    {"fill, mapping", JobOperation::Fill, WriteMethod::Mapping, false, ZeroMode::KeepSpace},
    {"fill, mapping, prefault", JobOperation::Fill, WriteMethod::Mapping, true, ZeroMode::KeepSpace},
    {"pattern, page cache", JobOperation::Pattern, WriteMethod::PageCache, false, ZeroMode::KeepSpace},
    {"pattern, mapping", JobOperation::Pattern, WriteMethod::Mapping, false, ZeroMode::KeepSpace},
    {"zero, keep space (fallocate ZERO_RANGE)", JobOperation::Zero, WriteMethod::PageCache, false, ZeroMode::KeepSpace},
    {"zero, release space (PUNCH_HOLE)", JobOperation::Zero, WriteMethod::PageCache, false, ZeroMode::ReleaseSpace},
    {"flush", JobOperation::Flush, WriteMethod::PageCache, false, ZeroMode::KeepSpace},
    {"sync", JobOperation::Sync, WriteMethod::PageCache, false, ZeroMode::KeepSpace},
};

void addWriteColumns()
{
    QTest::addColumn<JobOperation>("operation");
    QTest::addColumn<WriteMethod>("method");
    QTest::addColumn<bool>("prefault");
    QTest::addColumn<ZeroMode>("zeroMode");
}

JobSpec specFromRow(std::uint64_t size, unsigned threads)
{
    QFETCH(JobOperation, operation);
    QFETCH(WriteMethod, method);
    QFETCH(bool, prefault);
    QFETCH(ZeroMode, zeroMode);
    JobSpec spec;
    spec.operation = operation;
    spec.writeMethod = method;
    spec.prefault = prefault;
    spec.zeroMode = zeroMode;
    spec.range = {0, size};
    spec.threads = threads;
    spec.chunkSize = 1 << 20;
    spec.fillByte = std::byte{0x5A};
    spec.pattern = {std::byte{0x5A}, std::byte{0x5A}};
    return spec;
}

// The job failed with the truncation error naming the file, and the file is exactly `cut` bytes long (never grown
// back), each surviving byte written (0x5A) or as created (0).
void verifyTruncatedJob(Job &job, const MappedFile &file, const std::string &path, std::uint64_t cut)
{
    const JobSnapshot s = job.snapshot();
    QCOMPARE(s.state, JobState::Failed);
    QCOMPARE(s.error, make_error_code(Errc::FileTruncated));
    QVERIFY2(s.message == path + ": the file was truncated on disk", s.message.c_str());
    QCOMPARE(static_cast<std::uint64_t>(enginetest::statOf(path).st_size), cut);
    QCOMPARE(file.sizeOnDisk().value(), cut);
    const std::vector<std::byte> bytes = enginetest::preadBytes(path, 0, cut);
    QCOMPARE(bytes.size(), static_cast<std::size_t>(cut));
    QVERIFY(std::all_of(bytes.begin(), bytes.end(),
                        [](std::byte b) { return b == std::byte{0} || b == std::byte{0x5A}; }));
}

} // namespace

class TestJobTruncation : public QObject {
    Q_OBJECT
private slots:
    void truncatedMidJob_data();
    void truncatedMidJob();
    void truncatedAtChunkHook_data();
    void truncatedAtChunkHook();
    void truncatedBeforeStart_data();
    void truncatedBeforeStart();
};

void TestJobTruncation::truncatedMidJob_data()
{
    QTest::addColumn<JobOperation>("operation");
    QTest::addColumn<WriteMethod>("method");
    QTest::addColumn<bool>("prefault");
    QTest::newRow("fill, page cache") << JobOperation::Fill << WriteMethod::PageCache << false;
    QTest::newRow("fill, mapping") << JobOperation::Fill << WriteMethod::Mapping << false;
    QTest::newRow("fill, mapping, prefault") << JobOperation::Fill << WriteMethod::Mapping << true;
    QTest::newRow("pattern, page cache") << JobOperation::Pattern << WriteMethod::PageCache << false;
    QTest::newRow("pattern, mapping") << JobOperation::Pattern << WriteMethod::Mapping << false;
    QTest::newRow("zero (fallocate)") << JobOperation::Zero << WriteMethod::PageCache << false;
    QTest::newRow("sync") << JobOperation::Sync << WriteMethod::PageCache << false;
}

void TestJobTruncation::truncatedMidJob()
{
    QFETCH(JobOperation, operation);
    QFETCH(WriteMethod, method);
    QFETCH(bool, prefault);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("t.bin")).toStdString();
    const std::uint64_t size = 16 << 20;
    auto file = MappedFile::create(path, size);
    QVERIFY2(file.ok(), file.message().c_str());

    JobSpec spec;
    spec.operation = operation;
    spec.writeMethod = method;
    spec.prefault = prefault;
    spec.range = {0, size};
    spec.threads = 2;
    spec.chunkSize = 1 << 20;
    spec.fillByte = std::byte{0x5A};
    spec.pattern = {std::byte{0x5A}, std::byte{0x5A}};
    auto created = Job::create(file.value(), spec);
    QVERIFY2(created.ok(), created.message().c_str());
    Job &job = *created.value();
    job.pauseAfterChunks(2);
    QVERIFY(job.start().ok());
    auto allPaused = [&job] {
        const JobSnapshot s = job.snapshot();
        return std::all_of(s.workers.begin(), s.workers.end(),
                           [](const WorkerSnapshot &w) { return w.state == WorkerState::Paused; });
    };
    QTRY_VERIFY(allPaused());
    // Another process (here: another descriptor) cuts the file at 4 MiB: worker 2 (8..16 MiB) has lost its whole
    // range, worker 1 (0..8 MiB) will reach the new end after two more chunks.
    const std::uint64_t cut = 4 << 20;
    QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(cut)), 0);
    job.resume();
    job.wait();
    const JobSnapshot s = job.snapshot();
    QCOMPARE(s.state, JobState::Failed);
    QCOMPARE(s.error, make_error_code(Errc::FileTruncated));
    QVERIFY2(s.message == path + ": the file was truncated on disk", s.message.c_str());
    QVERIFY(s.totalDone < size);
    // The job never grew the file back, and the surviving bytes are written or zero (never garbage).
    QCOMPARE(static_cast<std::uint64_t>(enginetest::statOf(path).st_size), cut);
    const std::vector<std::byte> bytes = enginetest::preadBytes(path, 0, cut);
    QCOMPARE(bytes.size(), static_cast<std::size_t>(cut));
    QVERIFY(std::all_of(bytes.begin(), bytes.end(),
                        [](std::byte b) { return b == std::byte{0} || b == std::byte{0x5A}; }));
    QCOMPARE(file.value().sizeOnDisk().value(), cut);
}

void TestJobTruncation::truncatedAtChunkHook_data()
{
    addWriteColumns();
    QTest::addColumn<ChunkPoint>("point");
    QTest::addColumn<bool>("lastChunk");
    const struct {
        const char *name;
        ChunkPoint point;
        bool last;
    } moments[] = {{"checked, middle chunk", ChunkPoint::Checked, false},
                   {"checked, last chunk", ChunkPoint::Checked, true},
                   {"written, last chunk", ChunkPoint::Written, true}};
    for (const auto &m : moments)
        for (const WriteVariant &v : kVariants)
            QTest::addRow("%s, %s", v.name, m.name)
                << v.operation << v.method << v.prefault << v.zeroMode << m.point << m.last;
}

void TestJobTruncation::truncatedAtChunkHook()
{
    QFETCH(ChunkPoint, point);
    QFETCH(bool, lastChunk);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("hook.bin")).toStdString();
    const std::uint64_t size = 8 << 20;
    auto file = MappedFile::create(path, size);
    QVERIFY2(file.ok(), file.message().c_str());
    // One worker, 1 MiB chunks: the hook fires for exactly one chunk, [2, 3) MiB or the last one [7, 8) MiB, and
    // cuts the file in its middle, so a write that ignored the cut would grow the file back to the chunk end.
    auto created = Job::create(file.value(), specFromRow(size, 1));
    QVERIFY2(created.ok(), created.message().c_str());
    Job &job = *created.value();
    const std::uint64_t target = lastChunk ? size - (1 << 20) : 2 << 20;
    const std::uint64_t cut = target + (1 << 19);
    std::atomic<int> fired{0};
    std::atomic<int> truncateResult{-2};
    job.setChunkHook([&, path, point, target, cut](ChunkPoint at, ByteRange chunk) {
        if (at != point || chunk.offset != target || fired.fetch_add(1) != 0)
            return;
        truncateResult.store(::truncate(path.c_str(), static_cast<off_t>(cut)));
    });
    QVERIFY(job.start().ok());
    job.wait();
    QCOMPARE(fired.load(), 1);
    QCOMPARE(truncateResult.load(), 0);
    verifyTruncatedJob(job, file.value(), path, cut);
    if (point == ChunkPoint::Checked)
        QCOMPARE(job.snapshot().totalDone, target); // the cut chunk never counts as done
}

void TestJobTruncation::truncatedBeforeStart_data()
{
    addWriteColumns();
    for (const WriteVariant &v : kVariants)
        QTest::newRow(v.name) << v.operation << v.method << v.prefault << v.zeroMode;
}

void TestJobTruncation::truncatedBeforeStart()
{
    // Between Job::create and start(): Fill and Pattern workers reserve their blocks up front (fallocate), which
    // must not give the file its old size back; every other write must not either.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("early.bin")).toStdString();
    const std::uint64_t size = 8 << 20;
    auto file = MappedFile::create(path, size);
    QVERIFY2(file.ok(), file.message().c_str());
    auto created = Job::create(file.value(), specFromRow(size, 2));
    QVERIFY2(created.ok(), created.message().c_str());
    Job &job = *created.value();
    const std::uint64_t cut = (3 << 20) + 12345;
    QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(cut)), 0);
    QVERIFY(job.start().ok());
    job.wait();
    verifyTruncatedJob(job, file.value(), path, cut);
}

QTEST_GUILESS_MAIN(TestJobTruncation)
#include "tst_jobtruncation.moc"
