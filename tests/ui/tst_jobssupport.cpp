// Jobs wired into a window (QMainWindow + HexView + JobsSupport): dialog flow, tint in the view, map navigation.
// With HEXMAP_SCREENSHOT_DIR set, also saves screenshots of a 4-worker job on a 2 GiB file (light and dark).
#include "hexviewtesthelpers.h"
#include "core/mappedfile.h"
#include "ui/view/hexview.h"
#include "ui/document/document.h"
#include "ui/document/jobcenter.h"
#include "ui/view/jobcolors.h"
#include "ui/jobs/jobdialog.h"
#include "jobdialogtesthelpers.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobssupport.h"
#include "ui/common/theme.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/mainwindow.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewmap.h"

#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QTreeWidget>
#include <QMenuBar>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace hexmap;

namespace {
constexpr std::uint64_t kMiB = 1ull << 20;

// A document in a pane of a bare QMainWindow, made current for the jobs feature (as MainWindow does).
struct Window {
    QMainWindow main;
    Document *document = new Document(&main);
    DocumentPane *pane = new DocumentPane(document, &main);
    HexView *view = pane->view();
    JobsSupport *jobs = new JobsSupport(&main);
    explicit Window(const MappedFile &file)
    {
        main.setCentralWidget(pane);
        main.addDockWidget(Qt::BottomDockWidgetArea, jobs->dock());
        jobs->documentAdded(document, pane);
        document->open(file);
        jobs->setCurrent(document, pane);
        main.resize(1100, 760);
    }
};

bool allPaused(const JobWatcher *job)
{
    const auto &w = job->lastSnapshot().workers;
    return !w.empty() && std::all_of(w.begin(), w.end(), [](const WorkerSnapshot &s) {
        return s.state == WorkerState::Paused || s.state == WorkerState::Done;
    });
}

} // namespace

class TestJobsSupport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // MainWindow's QSettings stay out of the user's
        QVERIFY(m_dir.isValid());
    }

    void dialogStartsJobAndViewIsTinted()
    {
        const QString path = m_dir.filePath("support.bin");
        { auto created = MappedFile::create(path.toStdString(), 64 * kMiB); QVERIFY(created.ok()); }
        auto ro = MappedFile::openReadOnly(path.toStdString());
        QVERIFY(ro.ok());
        Window w(*ro);
        w.main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.main));
        w.jobs->setDialogRunner([](JobDialog &d) {
            jobdialogtest::valueEdit(d)->setText("DE AD BE EF");
            jobdialogtest::threadsBox(d)->setValue(4);
            return jobdialogtest::okButton(d)->isEnabled();
        });
        w.jobs->pattern->trigger();
        QCOMPARE(w.jobs->center()->jobs().size(), std::size_t(1));
        JobWatcher *job = w.jobs->center()->jobs().front();
        QCOMPARE(job->spec().operation, JobOperation::Pattern);
        QCOMPARE(job->spec().range, (ByteRange{0, 64 * kMiB}));
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
        QCOMPARE(job->lastSnapshot().state, JobState::Succeeded);
        QVERIFY(w.view->highlights(HighlightLayer::Jobs).empty()); // tint only while running
        // The view reads through the document's mapping: it shows the pattern.
        QCOMPARE(std::to_integer<int>(w.view->file().readSlice(0, 1)[0]), 0xDE);

        // A paused job tints its workers: written prefix light, the rest strong.
        JobSpec spec;
        spec.operation = JobOperation::Fill;
        spec.range = {0, 64 * kMiB};
        spec.threads = 2;
        spec.chunkSize = 4 * kMiB;
        auto second = w.jobs->startJob(spec, [](Job &j) { j.pauseAfterChunks(2); });
        QVERIFY(second.ok());
        QTRY_VERIFY_WITH_TIMEOUT(allPaused(*second), 10000);
        QCoreApplication::processEvents();
        const auto &h = w.view->highlights(HighlightLayer::Jobs);
        QVERIFY2(h.size() == 4, qPrintable(QString("%1 highlights, job %2, finished %3, done %4")
                                               .arg(h.size()).arg(stateName((*second)->lastSnapshot().state))
                                               .arg((*second)->isFinished()).arg((*second)->lastSnapshot().totalDone)));
        QCOMPARE(h[0].range, (ByteRange{0, 8 * kMiB}));
        QCOMPARE(h[1].range, (ByteRange{8 * kMiB, 24 * kMiB}));
        QCOMPARE(h[2].range, (ByteRange{32 * kMiB, 8 * kMiB}));
        QVERIFY(h[0].color != h[2].color);
        QVERIFY(!h[0].placeholder);
        QVERIFY(h[1].placeholder);
        // The view paints real bytes from the written prefix and placeholders where a worker may be writing.
        hexmap::testing::recordPaintedText(*w.view, true);
        w.view->scrollToOffset(8 * kMiB - 16 * 4);
        w.view->viewport()->repaint();
        const QStringList rows = hexmap::testing::paintedRowTexts(*w.view);
        QVERIFY(rows.size() > 8);
        QVERIFY2(rows.first().contains("00 00 00"), qPrintable(rows.first()));   // filled with 0x00: done
        QVERIFY2(!rows.first().contains("--"), qPrintable(rows.first()));
        QVERIFY2(rows.last().contains("-- -- --"), qPrintable(rows.last()));   // not yet written: placeholders
        hexmap::testing::recordPaintedText(*w.view, false);
        (*second)->cancel();
        QTRY_VERIFY_WITH_TIMEOUT((*second)->isFinished(), 10000);

        // Clicking at the bottom of the map scrolls the view to the end of the file.
        OverviewMap *map = w.jobs->map();
        const int lastRow = map->model().height() - 1;
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, map->topMargin() + lastRow));
        QCOMPARE(w.view->visibleRange().end(), 64 * kMiB);
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, map->topMargin() + lastRow / 2));
        const ByteRange span = map->model().rowRange(lastRow / 2);
        QVERIFY(w.view->visibleRange().contains(span.offset + span.size / 2));
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, 2));
        QCOMPARE(w.view->topOffset(), 0u);
    }

    void screenshots()
    {
        const QByteArray outDir = qgetenv("HEXMAP_SCREENSHOT_DIR");
        if (outDir.isEmpty())
            return; // only on request: writes a 2 GiB file
        const QString path = m_dir.filePath("disk-image-2g.bin");
        { auto created = MappedFile::create(path.toStdString(), 2048 * kMiB); QVERIFY(created.ok()); }
        for (const bool dark : {false, true}) {
            const QPalette old = QApplication::palette();
            if (dark)
                QApplication::setPalette(darkPalette());
            auto ro = MappedFile::openReadOnly(path.toStdString());
            MainWindow main;
            main.setErrorReporter([](const QString &) {});
            main.showFile(*ro);
            main.resize(1100, 780);
            main.show();
            QVERIFY(QTest::qWaitForWindowExposed(&main));
            struct { JobsSupport *jobs; HexView *view; } w{main.jobs(), main.hexView()};
            JobSpec spec;
            spec.operation = JobOperation::Pattern;
            spec.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
            spec.range = {0, 2048 * kMiB};
            spec.threads = 4;
            spec.chunkSize = 8 * kMiB;
            auto job = w.jobs->startJob(spec);
            QVERIFY(job.ok());
            // A real, unpaused run: grab it a little past a third of the way.
            QTRY_VERIFY_WITH_TIMEOUT((*job)->lastSnapshot().fraction() >= 0.36, 60000);
            (*job)->job()->pause(); // hold the workers still so the frame shows a worker's front
            QTRY_VERIFY_WITH_TIMEOUT(allPaused(*job), 10000);
            const WorkerSnapshot w1 = (*job)->lastSnapshot().workers[1];
            w.view->scrollToOffset((w1.range.offset + w1.bytesDone) / 16 * 16 - 16 * 12);
            w.jobs->dock()->tree()->expandAll();
            QTest::qWait(60);
            const QString file = QString::fromLocal8Bit(outDir) + (dark ? "/job-dark.png" : "/job-light.png");
            QVERIFY(main.grab().save(file));
            (*job)->cancel();
            QTRY_VERIFY_WITH_TIMEOUT((*job)->isFinished(), 10000);
            QApplication::setPalette(old);
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestJobsSupport)
#include "tst_jobssupport.moc"
