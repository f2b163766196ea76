// What the job UI shows once jobs finish and while they start (issue 19, item 4 and 5): finished jobs fade into
// the overview map's neutral "written" grey and a Flush does not paint the file over; the Jobs dock expands the
// running job, comes to the front from behind a tabified dock, and says what Flush and Zero did instead of a rate.
#include "core/mappedfile.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobsummary.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/jobcolors.h"

#include <QMainWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <chrono>

using namespace hexmap;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;

bool allPaused(const JobWatcher *job)
{
    const auto &w = job->lastSnapshot().workers;
    return !w.empty() && std::all_of(w.begin(), w.end(), [](const WorkerSnapshot &s) {
        return s.state == WorkerState::Paused || s.state == WorkerState::Done;
    });
}

QColor pixel(OverviewMap &map, int x, int row)
{
    return map.grab().toImage().pixelColor(x, map.topMargin() + row);
}

JobSnapshot snapshot(JobState state, std::uint64_t done, std::chrono::nanoseconds elapsed, double rate)
{
    JobSnapshot s;
    s.state = state;
    s.totalBytes = done;
    s.totalDone = done;
    s.elapsed = elapsed;
    s.bytesPerSecond = rate;
    return s;
}
} // namespace

Q_DECLARE_METATYPE(JobOperation)

class TestJobsDone : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void summary_data()
    {
        using namespace std::chrono_literals;
        QTest::addColumn<JobOperation>("op");
        QTest::addColumn<qint64>("elapsedNs");
        QTest::addColumn<QString>("speed");
        QTest::addColumn<QString>("done");
        const qint64 ms4 = 4'000'000;
        QTest::newRow("flush") << JobOperation::Flush << ms4 << QString() << "started writeback of 3.00 GiB";
        QTest::newRow("zero, 4 ms") << JobOperation::Zero << ms4 << QString() << "zeroed 3.00 GiB in 4 ms";
        QTest::newRow("zero, 2.5 s") << JobOperation::Zero << qint64(2'500'000'000) << QString()
                                     << "zeroed 3.00 GiB in 2.5 s";
        QTest::newRow("fill") << JobOperation::Fill << ms4 << "1.00 GiB/s" << "done";
        QTest::newRow("sync") << JobOperation::Sync << ms4 << "1.00 GiB/s" << "done";
    }
    void summary()
    {
        QFETCH(JobOperation, op);
        QFETCH(qint64, elapsedNs);
        QFETCH(QString, speed);
        QFETCH(QString, done);
        const JobSnapshot s = snapshot(JobState::Succeeded, 3ull << 30, std::chrono::nanoseconds(elapsedNs), 1ull << 30);
        QCOMPARE(JobSummary::speedText(op, s), speed);
        QCOMPARE(JobSummary::doneText(op, s), done);
    }

    // A pattern job over the first half, then a Flush of the whole file: while the flush runs it is a narrow
    // strip and the pattern's bytes stay visible; finished, the map shows grey over the first half only.
    void flushDoesNotHideWhatAJobWrote()
    {
        const std::uint64_t size = 64 * kMiB;
        auto file = MappedFile::create(m_dir.filePath("flush.bin").toStdString(), size);
        QVERIFY(file.ok());
        JobCenter center;
        center.setFile(&*file);
        OverviewMap map;
        map.setJobCenter(&center);
        map.setFileSize(size);
        map.resize(56, 256 + 2 * map.topMargin()); // 256 KiB per row
        map.setFadeDuration(0);
        JobsDock dock(&center);
        const bool dark = JobColors::isDark(map.palette());
        const QColor bg = JobColors::mapBackground(dark);
        const int right = map.workerLane().second - 2;
        const int left = map.workerLane().first;

        JobSpec spec;
        spec.operation = JobOperation::Pattern;
        spec.range = {0, size / 2};
        spec.threads = 2;
        spec.pattern = {std::byte{1}, std::byte{2}};
        auto pattern = center.start(spec);
        QVERIFY2(pattern.ok(), pattern.message().c_str());
        QTRY_VERIFY_WITH_TIMEOUT((*pattern)->isFinished(), 30000);
        QCOMPARE(pixel(map, right, 10), JobColors::written(dark));
        QCOMPARE(pixel(map, right, 200), bg);

        JobSpec flushSpec;
        flushSpec.operation = JobOperation::Flush;
        flushSpec.range = {0, size};
        flushSpec.threads = 1;
        flushSpec.chunkSize = 8 * kMiB;
        auto flush = center.start(flushSpec, [](Job &job) { job.pauseAfterChunks(1); });
        QVERIFY2(flush.ok(), flush.message().c_str());
        JobWatcher *f = *flush;
        QTRY_VERIFY_WITH_TIMEOUT(allPaused(f), 10000);
        const QColor orange = JobColors::worker(center.colorBase(f), dark);
        QCOMPARE(pixel(map, left, 10), orange);                             // its flushed chunk: narrow, solid
        QCOMPARE(pixel(map, left, 200), JobColors::tint(orange, bg, 0.30)); // the rest of its range: narrow, pale
        QCOMPARE(pixel(map, right, 10), JobColors::written(dark));         // the pattern's bytes still show
        QCOMPARE(pixel(map, right, 200), bg);
        f->job()->resume();
        QTRY_VERIFY_WITH_TIMEOUT(f->isFinished(), 30000);
        QCOMPARE(f->lastSnapshot().state, JobState::Succeeded);
        QCOMPARE(pixel(map, left, 10), JobColors::written(dark));
        QCOMPARE(pixel(map, left, 200), bg);
        QCOMPARE(pixel(map, right, 200), bg);
        QTreeWidgetItem *item = dock.itemFor(f);
        QCOMPARE(item->text(JobsDock::StateColumn), QString("started writeback of 64.00 MiB"));
        QCOMPARE(item->text(JobsDock::SpeedColumn), QString());
    }

    // The fade: a finished job's colour moves from the worker's to the written grey, then stays grey.
    void finishedJobFadesToWritten()
    {
        const std::uint64_t size = 16 * kMiB;
        auto file = MappedFile::create(m_dir.filePath("fade.bin").toStdString(), size);
        QVERIFY(file.ok());
        JobCenter center;
        center.setFile(&*file);
        OverviewMap map;
        map.setJobCenter(&center);
        map.setFileSize(size);
        map.resize(56, 128 + 2 * map.topMargin());
        map.setFadeDuration(3'600'000);
        map.show(); // the fade timer runs only for a visible map
        JobSpec spec;
        spec.operation = JobOperation::Fill;
        spec.range = {0, size};
        spec.threads = 1;
        spec.fillByte = std::byte{7};
        auto job = center.start(spec);
        QVERIFY(job.ok());
        QTRY_VERIFY_WITH_TIMEOUT((*job)->isFinished(), 30000);
        const bool dark = JobColors::isDark(map.palette());
        const int x = map.workerLane().second - 2;
        const QColor worker = JobColors::worker(0, dark);
        QCOMPARE(pixel(map, x, 64), worker); // just finished: still the worker's colour
        map.setFadeDuration(300);             // the finish is long enough ago now: grey from the next tick on
        QTRY_COMPARE_WITH_TIMEOUT(pixel(map, x, 64), JobColors::written(dark), 5000);
        QVERIFY(worker != JobColors::written(dark));
        QCOMPARE(map.legend().front().text, QString("written by a finished job")); // no running workers listed
    }

    // The dock: the running job is expanded (its workers), the dock comes out from behind a tabified dock, and
    // a Zero says what it zeroed and how long it took.
    void dockExpandsAndRaisesTheRunningJob()
    {
        const std::uint64_t size = 64 * kMiB;
        auto file = MappedFile::create(m_dir.filePath("dock.bin").toStdString(), size);
        QVERIFY(file.ok());
        JobCenter center;
        center.setFile(&*file);
        QMainWindow window;
        auto *dock = new JobsDock(&center, &window);
        auto *other = new QDockWidget(QStringLiteral("Find Results"), &window);
        other->setObjectName(QStringLiteral("other"));
        other->setWidget(new QTreeWidget(other));
        window.setCentralWidget(new QWidget(&window));
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        window.addDockWidget(Qt::BottomDockWidgetArea, other);
        window.tabifyDockWidget(dock, other);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        other->raise();
        QTRY_VERIFY(dock->visibleRegion().isEmpty()); // behind the other tab

        JobSpec spec;
        spec.operation = JobOperation::Fill;
        spec.range = {0, size};
        spec.threads = 4;
        auto started = center.start(spec, [](Job &job) { job.pauseAfterChunks(0); });
        QVERIFY(started.ok());
        JobWatcher *fill = *started;
        QTRY_VERIFY(!dock->visibleRegion().isEmpty()); // raised
        QTRY_VERIFY_WITH_TIMEOUT(allPaused(fill), 10000);
        QTreeWidgetItem *item = dock->itemFor(fill);
        QTRY_COMPARE(item->childCount(), 4);
        QVERIFY(item->isExpanded());
        fill->job()->resume();
        QTRY_VERIFY_WITH_TIMEOUT(fill->isFinished(), 30000);

        spec.operation = JobOperation::Zero;
        spec.threads = 2;
        auto zero = center.start(spec);
        QVERIFY(zero.ok());
        QTRY_VERIFY_WITH_TIMEOUT((*zero)->isFinished(), 30000);
        QCOMPARE((*zero)->lastSnapshot().state, JobState::Succeeded);
        QVERIFY(!item->isExpanded()); // the finished fill folded away when the zero started
        QTreeWidgetItem *z = dock->itemFor(*zero);
        QVERIFY(z->isExpanded());
        const QString state = z->text(JobsDock::StateColumn);
        QVERIFY2(QRegularExpression(QStringLiteral("^zeroed 64.00 MiB in \\d+(\\.\\d)? m?s$")).match(state).hasMatch(),
                 qPrintable(state));
        QCOMPARE(z->text(JobsDock::SpeedColumn), QString());
        QVERIFY(!dock->whatsThis().isEmpty());
        QVERIFY(!dock->tree()->headerItem()->toolTip(JobsDock::SpeedColumn).isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestJobsDone)
#include "tst_jobsdone.moc"
