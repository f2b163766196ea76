// The overview map widget and its pane (issue 19, item 5): zoom around the viewport (Ctrl+wheel, clamped), the
// legend that stays under the map, the map's width on a splitter (remembered), What's This.
#include "core/job.h"
#include "core/mappedfile.h"
#include "ui/common/theme.h"
#include "ui/document/document.h"
#include "ui/document/jobwatcher.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobssupport.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewlegend.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/jobcolors.h"

#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QTreeWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

using namespace hexmap;

namespace {
constexpr std::uint64_t kTiB = 1ull << 40;

void wheel(QWidget *w, int delta, Qt::KeyboardModifiers mods)
{
    const QPointF at(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, mods, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(w, &e);
}
} // namespace

class TestOverviewMap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_overviewmap"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void zoomFollowsTheViewport()
    {
        OverviewMap map;
        map.resize(56, 1024 + 2 * map.topMargin());
        map.setFileSize(kTiB);
        map.setViewport({kTiB / 2, 4096});
        QCOMPARE(map.window(), (ByteRange{0, kTiB}));
        QSignalSpy legend(&map, &OverviewMap::legendChanged);
        wheel(&map, 120, Qt::NoModifier); // a plain wheel does not zoom
        QCOMPARE(map.zoom(), quint64(1));
        wheel(&map, 120, Qt::ControlModifier);
        wheel(&map, 120, Qt::ControlModifier);
        QCOMPARE(map.zoom(), quint64(4));
        QCOMPARE(legend.count(), 2);
        QCOMPARE(map.window(), OverviewModel::zoomWindow(kTiB, 4, {kTiB / 2, 4096}));
        QCOMPARE(map.model().fileSize(), kTiB / 4);
        map.setViewport({0, 4096}); // the window follows the view
        QCOMPARE(map.window(), (ByteRange{0, kTiB / 4}));
        // Clicking in the zoomed map goes to an offset inside the window, not of the whole file.
        QSignalSpy nav(&map, &OverviewMap::navigateRequested);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(10, map.topMargin() + 512));
        QCOMPARE(nav.count(), 1);
        QVERIFY(nav.at(0).at(0).value<std::uint64_t>() < kTiB / 4);
        QVERIFY(nav.at(0).at(0).value<std::uint64_t>() > kTiB / 16);
        wheel(&map, -120, Qt::ControlModifier);
        QCOMPARE(map.zoom(), quint64(2));
        // Clamped: at most one byte per pixel row, never below 1.
        map.setZoom(OverviewMap::kMaxZoom * 4);
        QCOMPARE(map.zoom(), OverviewMap::kMaxZoom);
        map.setFileSize(4096);
        map.setZoom(1'000'000);
        QCOMPARE(map.zoom(), quint64(4)); // 4096 bytes on 1024 rows
        map.setZoom(0);
        QCOMPARE(map.zoom(), quint64(1));
    }

    void legendSaysWhatTheColoursMean()
    {
        OverviewMap map;
        map.setFileSize(1 << 20);
        const bool dark = JobColors::isDark(map.palette());
        auto texts = [&] {
            QStringList out;
            for (const auto &e : map.legend())
                out << e.text;
            return out;
        };
        QVERIFY(texts().contains("written by a finished job"));
        QVERIFY(texts().contains("not synced"));
        QCOMPARE(map.legend().at(1).colors.front(), JobColors::dirty(dark));
        map.setLayerVisible(OverviewMap::Durability, false);
        QVERIFY(!texts().contains("not synced"));
        map.setZoom(16);
        QVERIFY(texts().contains(QString::fromUtf8("zoom \u00D716 (Ctrl+wheel)")));
        OverviewLegend label(&map);
        QVERIFY(label.text().contains(JobColors::written(dark).name()));
        QVERIFY(label.text().contains("written by a finished job"));
        map.setLayerVisible(OverviewMap::Durability, true); // the label follows
        QVERIFY(label.text().contains(JobColors::dirty(dark).name()));
        QVERIFY(!map.whatsThis().isEmpty());
        QVERIFY(map.whatsThis().contains("Ctrl+wheel"));
    }

    // The pane: the map sits in a splitter; dragging it saves the width, which the next pane takes.
    void widthIsAdjustableAndRemembered()
    {
        const QString path = m_dir.filePath("pane.bin");
        QVERIFY(MappedFile::create(path.toStdString(), 1 << 20).ok());
        QMainWindow window;
        auto *document = new Document(&window);
        document->open(*MappedFile::openReadOnly(path.toStdString()));
        auto *pane = new DocumentPane(document, &window);
        window.setCentralWidget(pane);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(pane->map()->width(), pane->map()->sizeHint().width());
        QVERIFY(pane->legend()->isVisible());
        QVERIFY(pane->legend()->text().contains("written by a finished job"));
        QSplitter *splitter = pane->splitter();
        const int total = splitter->sizes().at(0) + splitter->sizes().at(1);
        // Drag the handle 100 px to the left (what QSplitter does on a drag: moveSplitter + splitterMoved).
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint from(handle->width() / 2, handle->height() / 2);
        QTest::mousePress(handle, Qt::LeftButton, {}, from);
        QTest::mouseMove(handle, from - QPoint(100, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, from - QPoint(100, 0));
        QTRY_COMPARE(pane->map()->width(), pane->map()->sizeHint().width() + 100);
        QCOMPARE(splitter->sizes().at(0) + splitter->sizes().at(1), total);
        const int dragged = pane->map()->width();
        QCOMPARE(QSettings().value(DocumentPane::kMapWidthKey).toInt(), dragged);

        auto *second = new DocumentPane(document, &window);
        window.setCentralWidget(second); // deletes the first pane
        QTRY_COMPARE(second->map()->width(), dragged);
        second->setMapWidth(100'000); // clamped
        QTRY_COMPARE(second->map()->width(), DocumentPane::kMaxMapWidth);
    }

    // With HEXMAP_SCREENSHOT_DIR set (run it under xvfb-run -a with QT_QPA_PLATFORM=xcb to see the real style):
    // the real window on a 1 TiB sparse file, light and dark: a finished Fill of 512 MiB (grey), then a 4-worker
    // Pattern job over 16 GiB paused at 384 MiB per worker, the map widened, zoomed x32 around worker 2's front
    // (map-zoom-*.png) and whole (map-whole-*.png).
    void screenshots()
    {
        const QByteArray outDir = qgetenv("HEXMAP_SCREENSHOT_DIR");
        if (outDir.isEmpty())
            return; // only on request: writes 320 MiB into a sparse 1 TiB file
        const QString path = m_dir.filePath("disk-1t.img");
        {
            QFile sparse(path); // ftruncate: a sparse file (MappedFile::create would reserve every block)
            QVERIFY(sparse.open(QIODevice::WriteOnly) && sparse.resize(qint64(kTiB)));
        }
        for (const bool dark : {false, true}) {
            applyTheme(dark ? Preferences::Theme::Dark : Preferences::Theme::Light);
            auto ro = MappedFile::openReadOnly(path.toStdString());
            MainWindow main;
            main.setErrorReporter([](const QString &) {});
            main.showFile(*ro);
            main.resize(1100, 780);
            main.show();
            QVERIFY(QTest::qWaitForWindowExposed(&main));
            DocumentPane *pane = main.currentPane();
            pane->setMapWidth(110);
            pane->map()->setFadeDuration(0);
            JobSpec fill;
            fill.operation = JobOperation::Fill;
            fill.fillByte = std::byte{0xFF};
            fill.range = {(508ull << 30), 512ull << 20}; // 512 MiB, 4 GiB before the pattern job
            fill.threads = 1;
            auto first = main.jobs()->startJob(fill);
            QVERIFY(first.ok());
            QTRY_VERIFY_WITH_TIMEOUT((*first)->isFinished(), 60000);
            JobSpec spec;
            spec.operation = JobOperation::Pattern;
            spec.pattern = {std::byte{0xDE}, std::byte{0xAD}, std::byte{0xBE}, std::byte{0xEF}};
            // 16 GiB in the middle of the 1 TiB file (a job over all of it needs 1 TiB of free disk space).
            spec.range = {512ull << 30, 16ull << 30};
            spec.threads = 4;
            spec.chunkSize = 8ull << 20;
            auto job = main.jobs()->startJob(spec, [](Job &j) { j.pauseAfterChunks(48); }); // 384 MiB each
            QVERIFY(job.ok());
            const auto paused = [&] {
                const auto &ws = (*job)->lastSnapshot().workers;
                return ws.size() == 4 && std::all_of(ws.begin(), ws.end(), [](const WorkerSnapshot &x) {
                    return x.state == WorkerState::Paused;
                });
            };
            QTRY_VERIFY_WITH_TIMEOUT(paused() || (*job)->isFinished(), 120000);
            QVERIFY2(!(*job)->isFinished(), (*job)->lastSnapshot().message.c_str());
            const WorkerSnapshot w = (*job)->lastSnapshot().workers[2];
            const std::uint64_t front = (w.range.offset + w.bytesDone) / 16 * 16;
            main.hexView()->scrollToOffset(front - 16 * 12);
            pane->map()->setZoom(32); // 32 GiB around the view: the four 4 GiB workers, 100 rows each
            QTest::qWait(200);
            const QString file = QString::fromLocal8Bit(outDir) + (dark ? "/map-zoom-dark.png" : "/map-zoom-light.png");
            QVERIFY(main.grab().save(file));
            pane->map()->setZoom(1);
            QTest::qWait(50);
            QVERIFY(main.grab().save(QString::fromLocal8Bit(outDir) + (dark ? "/map-whole-dark.png" : "/map-whole-light.png")));
            (*job)->cancel();
            QTRY_VERIFY_WITH_TIMEOUT((*job)->isFinished(), 10000);
            pane->setMapWidth(56);
            QSettings().clear();
        }
        applyTheme(Preferences::Theme::System);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestOverviewMap)
#include "tst_overviewmap.moc"
