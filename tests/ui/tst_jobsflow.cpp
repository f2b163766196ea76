// The job UI end to end without the main window: JobCenter + OverviewMap + JobsDock + JobStatusWidget.
#include "core/mappedfile.h"
#include "ui/document/jobcenter.h"
#include "jobtesthelpers.h"
#include "ui/view/jobcolors.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobstatuswidget.h"
#include "ui/document/jobwatcher.h"
#include "ui/pane/overviewmap.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

using namespace hexmap;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;

using jobtest::preadAll;

bool allWorkers(const JobWatcher *job, WorkerState state)
{
    const auto &w = job->lastSnapshot().workers;
    return !w.empty() && std::all_of(w.begin(), w.end(), [state](const WorkerSnapshot &s) { return s.state == state; });
}

QColor pixel(OverviewMap &map, int x, int row)
{
    return map.grab().toImage().pixelColor(x, map.topMargin() + row);
}
} // namespace

class TestJobsFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void patternJobWatchedToTheEndThenSynced()
    {
        const QString path = m_dir.filePath("pattern.bin");
        const std::uint64_t size = 256 * kMiB;
        auto file = MappedFile::create(path.toStdString(), size);
        QVERIFY2(file.ok(), file.message().c_str());
        JobCenter center;
        center.setFile(&*file); // the center reads through the owner's mapping
        OverviewMap map;
        map.setJobCenter(&center);
        map.setFileSize(size);
        map.resize(56, 512 + 2 * map.topMargin());
        map.setFadeDuration(3'600'000); // finished colours stay (nearly) unfaded until the check below
        QCOMPARE(map.model().height(), 512); // 512 KiB per row: each 64 MiB worker gets 128 rows
        JobsDock dock(&center);
        JobStatusWidget status(&center);
        QSignalSpy dirtySpy(&center, &JobCenter::dirtyChanged);

        JobSpec spec;
        spec.operation = JobOperation::Pattern;
        spec.range = {0, size};
        spec.threads = 4;
        spec.chunkSize = 8 * kMiB;
        spec.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}, std::byte{0x42}};
        auto started = center.start(spec, [](Job &job) { job.pauseAfterChunks(0); });
        QVERIFY2(started.ok(), started.message().c_str());
        JobWatcher *job = *started;
        QSignalSpy progressed(job, &JobWatcher::progressed);
        QSignalSpy finished(job, &JobWatcher::finished);
        const bool dark = JobColors::isDark(map.palette());
        const int x = map.workerLane().second - 3;

        // 0 %: four segments, nothing written.
        QTRY_VERIFY_WITH_TIMEOUT(allWorkers(job, WorkerState::Paused), 10000);
        auto seg = map.segments();
        QCOMPARE(seg.size(), std::size_t(4));
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(seg[size_t(k)].rangeRows, (std::pair<int, int>(128 * k, 128 * k + 128)));
            QCOMPARE(seg[size_t(k)].doneRows.second - seg[size_t(k)].doneRows.first, 0);
            QCOMPARE(pixel(map, x, 128 * k + 64), JobColors::tint(JobColors::worker(k, dark),
                                                                  JobColors::mapBackground(dark), 0.30));
        }
        QCOMPARE(center.dirtyBytes(), 0u);
        QCOMPARE(dock.tree()->topLevelItemCount(), 1);
        QCOMPARE(dock.tree()->topLevelItem(0)->childCount(), 4);
        QCOMPARE(dock.tree()->topLevelItem(0)->text(JobsDock::StateColumn), QString("paused"));

        // Mid-way: each worker stops after 4 of its 8 chunks.
        job->job()->resume(4);
        QTRY_COMPARE_WITH_TIMEOUT(job->lastSnapshot().totalDone, size / 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(allWorkers(job, WorkerState::Paused), 10000);
        seg = map.segments();
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(seg[size_t(k)].doneRows, (std::pair<int, int>(128 * k, 128 * k + 64)));
            QCOMPARE(pixel(map, x, 128 * k + 10), JobColors::worker(k, dark));
            QCOMPARE(pixel(map, x, 128 * k + 100),
                     JobColors::tint(JobColors::worker(k, dark), JobColors::mapBackground(dark), 0.30));
            // The durability lane: written-not-synced exactly over the written halves.
            const int dx = map.durabilityLane().first + 2;
            QCOMPARE(pixel(map, dx, 128 * k + 10), JobColors::dirty(dark));
            QCOMPARE(pixel(map, dx, 128 * k + 100), JobColors::mapBackground(dark));
        }
        QCOMPARE(center.dirtyBytes(), size / 2);
        QCOMPARE(center.dirty().intervalCount(), std::size_t(4));
        QVERIFY(!status.syncButton()->isHidden());

        // 100 %.
        job->job()->resume();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(progressed.count() >= 3);
        QCOMPARE(job->lastSnapshot().state, JobState::Succeeded);
        seg = map.segments();
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(seg[size_t(k)].doneRows, seg[size_t(k)].rangeRows);
            QCOMPARE(pixel(map, x, 128 * k + 127), JobColors::worker(k, dark));
        }
        // Faded: the whole file is in the neutral written grey, no worker colour is left.
        map.setFadeDuration(0);
        for (int k = 0; k < 4; ++k)
            QCOMPARE(pixel(map, x, 128 * k + 127), JobColors::written(dark));
        QCOMPARE(center.dirtyBytes(), size);
        QCOMPARE(center.dirty().intervalCount(), std::size_t(1)); // coalesced
        QCOMPARE(dock.tree()->topLevelItem(0)->text(JobsDock::StateColumn), QString("done"));
        QVERIFY(dirtySpy.count() >= 2);

        // The bytes, read through pread (not the mapping).
        const auto bytes = preadAll(path, size);
        QCOMPARE(bytes.size(), std::size_t(size));
        for (std::uint64_t i = 0; i < size; ++i)
            if (bytes[i] != std::to_integer<unsigned char>(spec.pattern[i % 5]))
                QFAIL(qPrintable(QString("byte %1 is %2").arg(i).arg(bytes[i])));

        // Sync from the status bar: a Sync job in chunks, the unsynced count reaches 0.
        QCOMPARE(status.label()->text(), QString("Unsynced: 256.00 MiB"));
        status.syncButton()->click();
        QCOMPARE(center.jobs().size(), std::size_t(2));
        JobWatcher *sync = center.jobs().back();
        QCOMPARE(sync->spec().operation, JobOperation::Sync);
        QTRY_COMPARE_WITH_TIMEOUT(center.dirtyBytes(), 0u, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(sync->isFinished(), 10000);
        QCOMPARE(center.synced().total(), size);
        QVERIFY(status.syncButton()->isHidden());
        QCOMPARE(pixel(map, map.durabilityLane().first + 2, 300), JobColors::synced(dark));
    }

    void cancelFromDockShowsExactlyTheWrittenBytes()
    {
        const QString path = m_dir.filePath("cancel.bin");
        const std::uint64_t size = 64 * kMiB;
        auto file = MappedFile::create(path.toStdString(), size);
        QVERIFY(file.ok());
        JobCenter center;
        center.setFile(&*file); // the center reads through the owner's mapping
        OverviewMap map;
        map.setJobCenter(&center);
        map.setFileSize(size);
        map.resize(56, 256 + 2 * map.topMargin()); // 256 KiB per row
        JobsDock dock(&center);
        JobSpec spec;
        spec.operation = JobOperation::Fill;
        spec.fillByte = std::byte{0x5A};
        spec.range = {0, size};
        spec.threads = 2;
        spec.chunkSize = 4 * kMiB;
        auto started = center.start(spec, [](Job &job) { job.pauseAfterChunks(3); });
        QVERIFY(started.ok());
        JobWatcher *job = *started;
        QTRY_VERIFY_WITH_TIMEOUT(allWorkers(job, WorkerState::Paused), 10000);
        QCOMPARE(dock.currentJob(), job);
        QVERIFY(dock.cancelButton()->isEnabled());
        dock.cancelButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 10000);
        const JobSnapshot last = job->lastSnapshot();
        QCOMPARE(last.state, JobState::Cancelled);
        QCOMPARE(last.totalDone, 24 * kMiB);
        QVERIFY(dock.itemFor(job)->text(JobsDock::StateColumn).startsWith("cancelled, 25,165,824 bytes written"));
        QVERIFY(!dock.cancelButton()->isEnabled());
        // The map and the unsynced set show exactly the written prefixes.
        QCOMPARE(center.dirty().ranges(), last.doneRanges());
        const auto seg = map.segments();
        QCOMPARE(seg.size(), std::size_t(2));
        QCOMPARE(seg[0].doneRows, (std::pair<int, int>(0, 48)));
        QCOMPARE(seg[1].doneRows, (std::pair<int, int>(128, 176)));
        const bool dark = JobColors::isDark(map.palette());
        const int dx = map.durabilityLane().first + 2;
        QCOMPARE(pixel(map, dx, 47), JobColors::dirty(dark));
        QCOMPARE(pixel(map, dx, 48), JobColors::mapBackground(dark));
        QCOMPARE(pixel(map, dx, 175), JobColors::dirty(dark));
        QCOMPARE(pixel(map, dx, 176), JobColors::mapBackground(dark));
        const auto bytes = preadAll(path, size);
        QCOMPARE(bytes.size(), std::size_t(size));
        for (const WorkerSnapshot &w : last.workers)
            for (std::uint64_t i = w.range.offset; i < w.range.end(); i += 512)
                QCOMPARE(int(bytes[i]), i < w.range.offset + w.bytesDone ? 0x5A : 0);
        dock.clearButton()->click();
        QCOMPARE(dock.tree()->topLevelItemCount(), 0);
        QVERIFY(map.segments().empty());
        QCOMPARE(center.dirtyBytes(), 24 * kMiB); // clearing the list does not forget unsynced bytes
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestJobsFlow)
#include "tst_jobsflow.moc"
