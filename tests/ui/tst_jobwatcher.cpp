#include "ui/document/jobwatcher.h"
#include "jobtesthelpers.h"

#include "core/mappedfile.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <memory>
#include <vector>

using namespace hexmap;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;

std::unique_ptr<Job> makeJob(const MappedFile &file, JobOperation op, unsigned threads, std::uint64_t chunk)
{
    JobSpec spec;
    spec.operation = op;
    spec.range = {0, file.size()};
    spec.threads = threads;
    spec.chunkSize = chunk;
    spec.fillByte = std::byte{0xAB};
    auto job = Job::create(file, spec);
    return job ? std::move(job.value()) : nullptr;
}

using jobtest::preadAll;
} // namespace

class TestJobWatcher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void runsToCompletionOnce()
    {
        const QString path = m_dir.filePath("done.bin");
        auto file = MappedFile::create(path.toStdString(), 32 * kMiB);
        QVERIFY(file.ok());
        JobWatcher watcher(makeJob(*file, JobOperation::Fill, 4, kMiB));
        QVERIFY(watcher.job());
        QSignalSpy progressed(&watcher, &JobWatcher::progressed);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QVERIFY(watcher.start().ok());
        // start() polls once: a 32 MiB page-cache fill may already have ended by then (seen under TSan in CI).
        QVERIFY(watcher.isRunning() || finished.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(progressed.count() >= 1);
        const auto last = finished.at(0).at(0).value<JobSnapshot>();
        QCOMPARE(last.state, JobState::Succeeded);
        QCOMPARE(last.totalDone, 32 * kMiB);
        QCOMPARE(last.workers.size(), std::size_t(4));
        QVERIFY(watcher.isFinished());
        QVERIFY(!watcher.job()); // released
        QCOMPARE(progressed.last().at(0).value<JobSnapshot>().state, JobState::Succeeded);
        QTest::qWait(100); // nothing more may arrive
        QCOMPARE(finished.count(), 1);
        const auto bytes = preadAll(path, 32 * kMiB);
        QCOMPARE(bytes.size(), std::size_t(32 * kMiB));
        QVERIFY(std::all_of(bytes.begin(), bytes.end(), [](unsigned char c) { return c == 0xAB; }));
    }

    // The completion callback wakes the watcher: finishing does not wait for a (very slow) timer tick.
    void finishWakesWithoutTimer()
    {
        auto file = MappedFile::create(m_dir.filePath("wake.bin").toStdString(), 4 * kMiB);
        QVERIFY(file.ok());
        JobWatcher watcher(makeJob(*file, JobOperation::Fill, 2, kMiB));
        watcher.setInterval(3600 * 1000);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QVERIFY(watcher.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    }

    void pauseShowsExactPrefixes()
    {
        auto file = MappedFile::create(m_dir.filePath("pause.bin").toStdString(), 16 * kMiB);
        QVERIFY(file.ok());
        JobWatcher watcher(makeJob(*file, JobOperation::Fill, 4, kMiB));
        watcher.job()->pauseAfterChunks(2);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QVERIFY(watcher.start().ok());
        auto allPaused = [&] {
            const JobSnapshot &s = watcher.lastSnapshot();
            return std::all_of(s.workers.begin(), s.workers.end(),
                               [](const WorkerSnapshot &w) { return w.state == WorkerState::Paused; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allPaused(), 10000);
        for (const WorkerSnapshot &w : watcher.lastSnapshot().workers)
            QCOMPARE(w.bytesDone, 2 * kMiB);
        QCOMPARE(watcher.lastSnapshot().totalDone, 8 * kMiB);
        QCOMPARE(finished.count(), 0);
        watcher.job()->resume();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(watcher.lastSnapshot().totalDone, 16 * kMiB);
    }

    void cancelReportsWrittenBytes()
    {
        const QString path = m_dir.filePath("cancel.bin");
        auto file = MappedFile::create(path.toStdString(), 16 * kMiB);
        QVERIFY(file.ok());
        JobWatcher watcher(makeJob(*file, JobOperation::Fill, 2, kMiB));
        watcher.job()->pauseAfterChunks(3);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QVERIFY(watcher.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(watcher.lastSnapshot().totalDone, 6 * kMiB, 10000);
        watcher.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const auto last = finished.at(0).at(0).value<JobSnapshot>();
        QCOMPARE(last.state, JobState::Cancelled);
        QCOMPARE(last.totalDone, 6 * kMiB);
        const auto bytes = preadAll(path, 16 * kMiB);
        QCOMPARE(bytes.size(), std::size_t(16 * kMiB));
        for (const WorkerSnapshot &w : last.workers)
            for (std::uint64_t i = w.range.offset; i < w.range.end(); i += 4096)
                QCOMPARE(int(bytes[i]), i < w.range.offset + w.bytesDone ? 0xAB : 0);
    }

    void destroyWhileRunning()
    {
        auto file = MappedFile::create(m_dir.filePath("destroy.bin").toStdString(), 8 * kMiB);
        QVERIFY(file.ok());
        auto watcher = std::make_unique<JobWatcher>(makeJob(*file, JobOperation::Fill, 2, kMiB));
        watcher->job()->pauseAfterChunks(1);
        QSignalSpy finished(watcher.get(), &JobWatcher::finished);
        QVERIFY(watcher->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(watcher->lastSnapshot().totalDone == 2 * kMiB, 10000);
        watcher.reset(); // cancels, joins; the queued wake-up is dropped with the object
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
    }

    void syncJobReportsSynced()
    {
        auto file = MappedFile::create(m_dir.filePath("sync.bin").toStdString(), 8 * kMiB);
        QVERIFY(file.ok());
        QVERIFY(file->fill({0, 8 * kMiB}, std::byte{1}).ok());
        JobWatcher watcher(makeJob(*file, JobOperation::Sync, 2, kMiB));
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QVERIFY(watcher.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(watcher.lastSnapshot().totalSynced, 8 * kMiB);
        QCOMPARE(watcher.lastSnapshot().syncedRanges().size(), std::size_t(2));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestJobWatcher)
#include "tst_jobwatcher.moc"
