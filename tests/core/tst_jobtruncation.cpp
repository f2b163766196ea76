// A job over a file that another process truncates mid-job stops with Errc::FileTruncated ("the file was
// truncated on disk", naming the file), whichever way it writes, and never grows the file back.
#include "core/errors.h"
#include "core/job.h"
#include "core/mappedfile.h"
#include "enginetesthelpers.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <algorithm>
#include <string>

using namespace hexmap;

Q_DECLARE_METATYPE(hexmap::JobOperation)
Q_DECLARE_METATYPE(hexmap::WriteMethod)

class TestJobTruncation : public QObject {
    Q_OBJECT
private slots:
    void truncatedMidJob_data();
    void truncatedMidJob();
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

QTEST_GUILESS_MAIN(TestJobTruncation)
#include "tst_jobtruncation.moc"
