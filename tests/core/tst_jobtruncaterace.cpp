// Issue 13 row 3: a job never leaves a file larger than it found it, whatever the number of threads and whenever
// another program cuts it. A thread of the test calls truncate(2) on the path at a random moment while a 2- or
// 4-thread Fill or Pattern job runs (the job's own descriptor and mapping are never touched by it): afterwards the
// file has exactly the size the truncate set, and the job ended Failed with Errc::FileTruncated - or Succeeded, when
// it finished (or its unaffected workers did) before the cut, and then the size is the cut size anyway.
// The files live on a disk filesystem (/var/tmp when it exists): tmpfs takes a different write path.
#include "core/errors.h"
#include "core/job.h"
#include "core/mappedfile.h"
#include "enginetesthelpers.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>
#include <string>
#include <thread>

using namespace hexmap;

Q_DECLARE_METATYPE(hexmap::JobOperation)

namespace {

constexpr std::uint64_t kSize = 64ull << 20;
constexpr int kRuns = 20;

QString diskTempRoot()
{
    // /tmp may be tmpfs on CI machines; /var/tmp is on the disk nearly everywhere.
    const QDir varTmp(QStringLiteral("/var/tmp"));
    if (varTmp.exists() && ::access("/var/tmp", W_OK) == 0)
        return QStringLiteral("/var/tmp/hexmap-race-XXXXXX");
    return QDir::tempPath() + QStringLiteral("/hexmap-race-XXXXXX");
}

JobSpec raceSpec(JobOperation operation, unsigned threads)
{
    JobSpec spec;
    spec.operation = operation;
    spec.range = {0, kSize};
    spec.threads = threads;
    spec.chunkSize = 1 << 20; // many chunks per worker: many moments for the cut to land in
    spec.fillByte = std::byte{0x5A};
    spec.pattern = {std::byte{0x11}, std::byte{0x22}, std::byte{0x33}};
    return spec;
}

std::byte expectedByte(const JobSpec &spec, std::uint64_t offset)
{
    return spec.operation == JobOperation::Fill ? spec.fillByte : spec.pattern[offset % spec.pattern.size()];
}

// Every byte before the cut is as created (0) or as the job writes it, never anything else. Page by page with
// memcmp (cheap under the sanitizers), byte by byte only for a page that is neither all old nor all new.
bool bytesAreOldOrNew(const std::string &path, const JobSpec &spec, std::uint64_t cut, QString *why)
{
    constexpr std::uint64_t kBlock = 3 << 20; // a whole number of pages and of pattern periods (1 and 3 bytes)
    const std::uint64_t page = enginetest::page();
    std::vector<std::byte> expected(kBlock);
    for (std::size_t i = 0; i < expected.size(); ++i)
        expected[i] = expectedByte(spec, i);
    const std::vector<std::byte> zeros(page);
    for (std::uint64_t off = 0; off < cut; off += kBlock) {
        const std::uint64_t want = std::min(kBlock, cut - off);
        const std::vector<std::byte> bytes = enginetest::preadBytes(path, off, want);
        if (bytes.size() != want) {
            *why = QStringLiteral("short read at %1").arg(off);
            return false;
        }
        for (std::size_t p = 0; p < bytes.size(); p += page) {
            const std::size_t n = std::min<std::size_t>(page, bytes.size() - p);
            if (std::memcmp(bytes.data() + p, zeros.data(), n) == 0
                || std::memcmp(bytes.data() + p, expected.data() + p, n) == 0)
                continue;
            for (std::size_t i = p; i < p + n; ++i) {
                if (bytes[i] != std::byte{0} && bytes[i] != expected[i]) {
                    *why = QStringLiteral("byte 0x%1 at %2").arg(std::to_integer<int>(bytes[i]), 2, 16).arg(off + i);
                    return false;
                }
            }
        }
    }
    return true;
}

} // namespace

class TestJobTruncateRace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cutAtRandomMoments_data();
    void cutAtRandomMoments();

private:
    QTemporaryDir m_dir{diskTempRoot()};
};

void TestJobTruncateRace::initTestCase() { QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString())); }

void TestJobTruncateRace::cutAtRandomMoments_data()
{
    QTest::addColumn<JobOperation>("operation");
    QTest::addColumn<unsigned>("threads");
    QTest::newRow("fill, 2 threads") << JobOperation::Fill << 2u;
    QTest::newRow("fill, 4 threads") << JobOperation::Fill << 4u;
    QTest::newRow("pattern, 2 threads") << JobOperation::Pattern << 2u;
    QTest::newRow("pattern, 4 threads") << JobOperation::Pattern << 4u;
}

void TestJobTruncateRace::cutAtRandomMoments()
{
    QFETCH(JobOperation, operation);
    QFETCH(unsigned, threads);
    const std::string path = enginetest::pathIn(m_dir, "race.bin");
    const JobSpec spec = raceSpec(operation, threads);

    std::mt19937_64 random(QTest::currentDataTag()[0] * 1000003ull + threads);
    int failed = 0;
    int succeeded = 0;
    for (int run = 0; run < kRuns; ++run) {
        ::unlink(path.c_str());
        auto file = MappedFile::create(path, kSize);
        QVERIFY2(file.ok(), file.message().c_str());
        auto created = Job::create(file.value(), spec);
        QVERIFY2(created.ok(), created.message().c_str());
        Job &job = *created.value();
        // Any size below the old one, unaligned most of the time. The moment is random in the job's progress, not
        // in wall time (a timed delay missed every job of a CI run whose jobs ran faster than the measured one):
        // once the job has written a random amount (up to 1.15x its size, so that some cuts come after the end),
        // plus a random few microseconds. The cutter only polls snapshot(), which any thread may call.
        const std::uint64_t cut = std::uniform_int_distribution<std::uint64_t>(1, kSize - 1)(random);
        const std::uint64_t progress = std::uniform_int_distribution<std::uint64_t>(0, kSize * 23 / 20)(random);
        const auto jitter = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 300)(random));
        int truncateResult = -2;
        QVERIFY(job.start().ok());
        std::thread cutter([&] {
            for (JobSnapshot now = job.snapshot(); now.totalDone < progress && !now.isFinished(); now = job.snapshot())
                std::this_thread::sleep_for(std::chrono::microseconds(500));
            std::this_thread::sleep_for(jitter);
            truncateResult = ::truncate(path.c_str(), static_cast<off_t>(cut));
        });
        cutter.join();
        job.wait();
        QCOMPARE(truncateResult, 0);

        const JobSnapshot s = job.snapshot();
        const std::uint64_t sizeAfter = static_cast<std::uint64_t>(enginetest::statOf(path).st_size);
        const QByteArray where = QStringLiteral("run %1: cut at %2 once %3 bytes were done + %4 us, job %5 (%6), "
                                                "size afterwards %7")
                                     .arg(run).arg(cut).arg(progress).arg(jitter.count()).arg(int(s.state))
                                     .arg(QString::fromStdString(s.message)).arg(sizeAfter).toUtf8();
        QVERIFY2(sizeAfter == cut, where.constData());
        QVERIFY2(s.state == JobState::Failed || s.state == JobState::Succeeded, where.constData());
        if (s.state == JobState::Failed) {
            ++failed;
            QVERIFY2(s.error == make_error_code(Errc::FileTruncated), where.constData());
            QVERIFY2(s.message == path + ": the file was truncated on disk", where.constData());
        } else {
            ++succeeded;
        }
        QString why;
        QVERIFY2(bytesAreOldOrNew(path, spec, cut, &why),
                 qPrintable(QString::fromUtf8(where) + QStringLiteral(": ") + why));
    }
    qInfo("%d runs: %d failed with FileTruncated, %d finished before the cut reached them", kRuns, failed, succeeded);
    QVERIFY2(failed > 0, "no cut landed inside a job: the race was never exercised");
}

QTEST_GUILESS_MAIN(TestJobTruncateRace)
#include "tst_jobtruncaterace.moc"
