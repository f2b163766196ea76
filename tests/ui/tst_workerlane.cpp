// WorkerLane: what the overview map's worker lane draws for running, finished, flush and sync jobs, and the fade
// of a finished job into the neutral "written" state.
#include "ui/pane/workerlane.h"

#include <QTest>

#include <vector>

using namespace hexmap;

Q_DECLARE_METATYPE(WorkerLane::Kind)

class TestWorkerLane : public QObject
{
    Q_OBJECT
private slots:
    void fadeAt_data()
    {
        QTest::addColumn<qint64>("since");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<double>("fade");
        QTest::newRow("just finished") << qint64(0) << qint64(2000) << 0.0;
        QTest::newRow("clock before finish") << qint64(-5) << qint64(2000) << 0.0;
        QTest::newRow("half way (smoothstep)") << qint64(1000) << qint64(2000) << 0.5;
        QTest::newRow("a quarter (eased)") << qint64(500) << qint64(2000) << 0.15625;
        QTest::newRow("at the end") << qint64(2000) << qint64(2000) << 1.0;
        QTest::newRow("long after") << qint64(3'600'000) << qint64(2000) << 1.0;
        QTest::newRow("no fade") << qint64(0) << qint64(0) << 1.0;
    }
    void fadeAt()
    {
        QFETCH(qint64, since);
        QFETCH(qint64, duration);
        QFETCH(double, fade);
        QCOMPARE(WorkerLane::fadeAt(since, duration), fade);
    }

    // One track on a 1000-byte file drawn on 100 rows; the bars it gives, in painting order.
    void bars_data()
    {
        QTest::addColumn<bool>("running");
        QTest::addColumn<bool>("writes");
        QTest::addColumn<double>("fade");
        QTest::addColumn<quint64>("done");
        QTest::addColumn<int>("count");
        QTest::addColumn<WorkerLane::Kind>("lastKind");
        QTest::addColumn<int>("lastEnd");
        QTest::addColumn<bool>("narrow");
        QTest::addColumn<double>("lastFade");
        // Track range [200, 600): rows [20, 60).
        QTest::newRow("running fill, half written") << true << true << 0.0 << quint64(200) << 2
                                                    << WorkerLane::Kind::Done << 40 << false << 0.0;
        QTest::newRow("running fill, nothing yet") << true << true << 0.0 << quint64(0) << 1
                                                   << WorkerLane::Kind::Assigned << 60 << false << 0.0;
        QTest::newRow("running flush: narrow") << true << false << 0.0 << quint64(100) << 2
                                               << WorkerLane::Kind::Done << 30 << true << 0.0;
        QTest::newRow("finished fill fading") << false << true << 0.25 << quint64(400) << 1
                                              << WorkerLane::Kind::Done << 60 << false << 0.25;
        QTest::newRow("cancelled fill: only what it wrote") << false << true << 0.0 << quint64(100) << 1
                                                            << WorkerLane::Kind::Done << 30 << false << 0.0;
        QTest::newRow("finished fill faded: nothing") << false << true << 1.0 << quint64(400) << 0
                                                      << WorkerLane::Kind::Done << 0 << false << 0.0;
        QTest::newRow("finished flush: nothing") << false << false << 0.0 << quint64(400) << 0
                                                 << WorkerLane::Kind::Done << 0 << false << 0.0;
        QTest::newRow("finished, wrote nothing") << false << true << 0.0 << quint64(0) << 0
                                                 << WorkerLane::Kind::Done << 0 << false << 0.0;
    }
    void bars()
    {
        QFETCH(bool, running);
        QFETCH(bool, writes);
        QFETCH(double, fade);
        QFETCH(quint64, done);
        QFETCH(int, count);
        QFETCH(WorkerLane::Kind, lastKind);
        QFETCH(int, lastEnd);
        QFETCH(bool, narrow);
        QFETCH(double, lastFade);
        const OverviewModel m(1000, 100);
        const std::vector<WorkerLane::Track> tracks{{{200, 400}, done, 3, running, writes, fade}};
        const auto bars = WorkerLane::bars(m, tracks);
        QCOMPARE(int(bars.size()), count);
        if (count == 0)
            return;
        if (count == 2) {
            QCOMPARE(bars[0].kind, WorkerLane::Kind::Assigned);
            QCOMPARE(bars[0].rows, (std::pair<int, int>(20, 60)));
        }
        const WorkerLane::Bar &last = bars.back();
        QCOMPARE(last.kind, lastKind);
        QCOMPARE(last.rows.first, 20);
        QCOMPARE(last.rows.second, lastEnd);
        QCOMPARE(last.colorIndex, 3);
        QCOMPARE(last.narrow, narrow);
        QCOMPARE(last.fade, lastFade);
    }

    // Four workers on a 1 TiB file, zoomed x1024 around the boundary of workers 1 and 2: each is drawn over
    // hundreds of rows and its written prefix stays visible, where the whole-file map gives it a few rows.
    void fourWorkersOnATebibyteZoomed()
    {
        constexpr quint64 kTiB = quint64(1) << 40;
        constexpr quint64 quarter = kTiB / 4;
        std::vector<WorkerLane::Track> tracks;
        for (int w = 0; w < 4; ++w)
            tracks.push_back({{quarter * quint64(w), quarter}, quint64(256) << 20, w, true, true, 0.0}); // 256 MiB
        const OverviewModel whole(kTiB, 800);
        auto bars = WorkerLane::bars(whole, tracks);
        QCOMPARE(bars.size(), std::size_t(8));
        QCOMPARE(bars[3].rows.second - bars[3].rows.first, 1); // 256 MiB of 1 TiB: one row of 800 (1.28 GiB each)
        const OverviewModel zoomed(OverviewModel::zoomWindow(kTiB, 1024, {quarter * 2 - 2048, 4096}), 800);
        bars = WorkerLane::bars(zoomed, tracks);
        // Only workers 1 (its range's end) and 2 (its start and written prefix) are in the window.
        QCOMPARE(bars.size(), std::size_t(3));
        QCOMPARE(bars[0].colorIndex, 1);
        QCOMPARE(bars[0].rows, (std::pair<int, int>(0, 400)));
        QVERIFY(!bars[0].startsHere); // worker 1 starts above the window: no start notch at its top
        QVERIFY(bars[1].startsHere);
        QCOMPARE(bars[1].colorIndex, 2);
        QCOMPARE(bars[1].rows, (std::pair<int, int>(400, 800)));
        QCOMPARE(bars[2].kind, WorkerLane::Kind::Done);
        QCOMPARE(bars[2].rows, (std::pair<int, int>(400, 600))); // 256 MiB of the 1 GiB window
    }

    void narrowWidth()
    {
        QCOMPARE(WorkerLane::narrowWidth(32), 8);
        QCOMPARE(WorkerLane::narrowWidth(12), 4);
        QCOMPARE(WorkerLane::narrowWidth(3), 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkerLane)
#include "tst_workerlane.moc"
