// The difference runs on the compare window's overview maps (issue 17): DifferenceIndex's share of a span (the
// per-pixel-row aggregation, _data over edges and sizes up to 2^64), the shade levels, the map painting a tick on
// exactly the rows holding a run (a million runs included: one share per row, never a rectangle per run), the
// colour's contrast on the map background in light and dark, then the real window: both maps tick the runs at
// their sides' rows (B shifted), the legend names them, and a click on a map scrolls that side's view there.
#include "../core/comparereference.h"
#include "ui/common/theme.h"
#include "ui/compare/comparejob.h"
#include "ui/compare/comparenavigator.h"
#include "ui/compare/comparepane.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/differenceindex.h"
#include "ui/pane/overviewlegend.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/hexview.h"
#include "ui/view/jobcolors.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap;
using comparetest::randomBytes;
using comparetest::writeSparse;

namespace {

std::vector<CompareRun> runsOf(const QList<quint64> &flat)
{
    std::vector<CompareRun> runs;
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        runs.push_back({flat[i], flat[i + 1]});
    return runs;
}

QImage render(QWidget &w)
{
    QImage image(w.size(), QImage::Format_RGB32);
    image.fill(Qt::magenta);
    w.render(&image);
    return image;
}

// The rows (0 = the map's first drawable row) whose middle pixel is not the map background.
std::vector<int> tickedRows(const OverviewMap &map, const QImage &image)
{
    const QColor bg = JobColors::mapBackground(JobColors::isDark(map.palette()));
    std::vector<int> rows;
    for (int r = 0; r < map.model().height(); ++r)
        if (image.pixelColor(map.width() / 2, map.topMargin() + r) != bg)
            rows.push_back(r);
    return rows;
}

} // namespace

class TestCompareMap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void share_data();
    void share();
    void appendKeepsTheSums();
    void levelsReadOnBothThemes();
    void mapTicksTheRowsHoldingRuns();
    void millionRunsPaintOneSharePerRow();
    void windowMapsTickBothSides();
    void shiftedFirmwareScenario();

private:
    QTemporaryDir m_dir;
};

void TestCompareMap::share_data()
{
    QTest::addColumn<QList<quint64>>("runs"); // offset, length pairs
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("size");
    QTest::addColumn<double>("expected");
    const double touched = DifferenceIndex::kTouched;
    QTest::newRow("no runs") << QList<quint64>{} << quint64(0) << quint64(100) << 0.0;
    QTest::newRow("empty span") << QList<quint64>{0, 10} << quint64(5) << quint64(0) << 0.0;
    QTest::newRow("run just after") << QList<quint64>{100, 10} << quint64(0) << quint64(100) << 0.0;
    QTest::newRow("run just before") << QList<quint64>{90, 10} << quint64(100) << quint64(100) << 0.0;
    QTest::newRow("last byte of the span") << QList<quint64>{99, 10} << quint64(0) << quint64(100) << 0.01;
    QTest::newRow("first byte of the span") << QList<quint64>{50, 51} << quint64(100) << quint64(100) << 0.01;
    QTest::newRow("a span of one byte") << QList<quint64>{5, 1} << quint64(5) << quint64(1) << 1.0;
    QTest::newRow("one byte, 1 TiB row") << QList<quint64>{1ull << 39, 1} << quint64(0) << quint64(1ull << 40) << touched;
    QTest::newRow("run covers the span") << QList<quint64>{0, 1000} << quint64(10) << quint64(10) << 1.0;
    QTest::newRow("half") << QList<quint64>{50, 100} << quint64(0) << quint64(100) << 0.5;
    QTest::newRow("three runs, both edges cut") << QList<quint64>{0, 10, 20, 10, 40, 10} << quint64(5) << quint64(40)
                                                << 0.5;
    QTest::newRow("between runs") << QList<quint64>{0, 10, 20, 10} << quint64(10) << quint64(10) << 0.0;
    QTest::newRow("end of 2^64") << QList<quint64>{0, 1, UINT64_MAX - 3, 2} << quint64(UINT64_MAX - 10) << quint64(10)
                                 << 0.2;
}

void TestCompareMap::share()
{
    QFETCH(QList<quint64>, runs);
    QFETCH(quint64, offset);
    QFETCH(quint64, size);
    QFETCH(double, expected);
    DifferenceIndex index;
    const auto r = runsOf(runs);
    index.append(r);
    const float got = index.share({offset, size});
    QVERIFY2(std::abs(double(got) - expected) <= expected * 1e-5, qPrintable(QString::number(double(got))));
    QCOMPARE(got > 0.0f, expected > 0.0);
}

void TestCompareMap::appendKeepsTheSums()
{
    // Runs arriving in three batches give the same shares as all at once; clear() forgets them.
    const std::vector<CompareRun> all{{10, 5}, {100, 50}, {400, 1}, {1000, 24}};
    DifferenceIndex whole, parts;
    whole.append(all);
    parts.append(std::span(all).first(1));
    parts.append(std::span(all).subspan(1, 2));
    parts.append(std::span(all).subspan(3));
    QCOMPARE(parts.count(), std::size_t(4));
    QCOMPARE(parts.differingBytes(), std::uint64_t(80));
    for (std::uint64_t at = 0; at < 1100; at += 37)
        QCOMPARE(parts.share({at, 64}), whole.share({at, 64}));
    parts.clear();
    QCOMPARE(parts.count(), std::size_t(0));
    QCOMPARE(parts.share({0, 2000}), 0.0f);
}

void TestCompareMap::levelsReadOnBothThemes()
{
    QCOMPARE(OverviewMap::differenceLevel(0.0f), 0);
    QCOMPARE(OverviewMap::differenceLevel(DifferenceIndex::kTouched), 6);
    QCOMPARE(OverviewMap::differenceLevel(0.5f), 6);
    QCOMPARE(OverviewMap::differenceLevel(0.9f), 7);
    QCOMPARE(OverviewMap::differenceLevel(1.0f), 8);
    for (const bool dark : {false, true}) {
        const QColor bg = JobColors::mapBackground(dark);
        const QColor weakest = JobColors::tint(JobColors::difference(dark), bg, 6 / 8.0);
        QVERIFY2(contrastRatio(JobColors::difference(dark), bg) >= 4.5, dark ? "dark" : "light");
        QVERIFY2(contrastRatio(weakest, bg) >= 3.0, dark ? "dark" : "light"); // WCAG: graphics want 3
        QVERIFY(JobColors::difference(dark) != JobColors::dirty(dark));
    }
}

void TestCompareMap::mapTicksTheRowsHoldingRuns()
{
    OverviewMap map;
    for (auto layer : {OverviewMap::Workers, OverviewMap::Durability, OverviewMap::Viewport})
        map.setLayerVisible(layer, false);
    map.resize(56, 100 + 2 * map.topMargin());
    map.setFileSize(100'000); // 1000 bytes per row
    DifferenceIndex index;
    const std::vector<CompareRun> runs{{0, 1}, {50'500, 1000}, {99'999, 1}};
    index.append(runs);
    QVERIFY(map.legend().empty() || map.legend().back().text != QStringLiteral("differs from the other file"));
    map.setDifferences([&](ByteRange span) { return index.share(span); });
    QCOMPARE(tickedRows(map, render(map)), (std::vector<int>{0, 50, 51, 99}));
    const auto legend = map.legend();
    QVERIFY(std::any_of(legend.begin(), legend.end(), [](const OverviewMap::LegendEntry &e) {
        return e.text == QStringLiteral("differs from the other file");
    }));
    map.setLayerVisible(OverviewMap::Differences, false);
    QVERIFY(tickedRows(map, render(map)).empty());
}

void TestCompareMap::millionRunsPaintOneSharePerRow()
{
    // 1 000 000 one-byte runs, one per KiB of a 1 GB file, then a dense MiB: every row ticked; the share is asked
    // once per row (height calls), so the paint costs O(height * log runs) whatever the run count.
    std::vector<CompareRun> runs;
    runs.reserve(1'000'000);
    for (std::uint64_t i = 0; i < 1'000'000; ++i)
        runs.push_back({i * 1000, 1});
    DifferenceIndex index;
    index.append(runs);
    OverviewMap map;
    map.setLayerVisible(OverviewMap::Viewport, false);
    map.resize(56, 600 + 2 * map.topMargin());
    map.setFileSize(1'000'000'000);
    int calls = 0;
    map.setDifferences([&](ByteRange span) {
        ++calls;
        return index.share(span);
    });
    QElapsedTimer clock;
    clock.start();
    const QImage image = render(map);
    qInfo("paint with 1 000 000 runs: %.2f ms (information, not a test)", double(clock.nsecsElapsed()) / 1e6);
    QCOMPARE(calls, 600);
    QCOMPARE(tickedRows(map, image).size(), std::size_t(600));
}

void TestCompareMap::windowMapsTickBothSides()
{
    // B = 4096 inserted bytes, then A with three changed bytes at 300 000: compared with B shifted by 4096 the
    // run is at 300 000 on A and 304 096 on B; each map ticks its side's row, a click goes there.
    const QByteArray a = randomBytes(1 << 20, 21);
    QByteArray b = randomBytes(4096, 22) + a;
    for (int k = 0; k < 3; ++k)
        b[4096 + 300000 + k] = static_cast<char>(b[4096 + 300000 + k] ^ 0x5A);
    const QString pa = m_dir.filePath(QStringLiteral("map-a.bin")), pb = m_dir.filePath(QStringLiteral("map-b.bin"));
    QVERIFY(writeSparse(pa, a) && writeSparse(pb, b));
    QString error;
    std::unique_ptr<CompareWindow> w(CompareWindow::open(pa.toStdString(), pb.toStdString(), nullptr, &error));
    QVERIFY2(w, qPrintable(error));
    w->setAttribute(Qt::WA_DeleteOnClose, false);
    w->show();
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    const auto edits = w->findChildren<QLineEdit *>();
    QCOMPARE(edits.size(), 2);
    edits[1]->setText(QStringLiteral("4096"));
    QVERIFY(w->compareAgain());
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().count(), std::size_t(1));
    QCOMPARE(w->differences().count(), std::size_t(1));
    QCOMPARE(w->differences().differingBytes(), std::uint64_t(3));
    for (auto [pane, at] : {std::pair{w->paneA(), std::uint64_t(300000)}, std::pair{w->paneB(), std::uint64_t(304096)}}) {
        OverviewMap *map = pane->map();
        map->setLayerVisible(OverviewMap::Viewport, false); // only the ticks
        const auto rows = tickedRows(*map, render(*map));
        QVERIFY2(!rows.empty() && rows.size() <= 2, qPrintable(QString::number(rows.size())));
        QCOMPARE(rows.front(), map->model().rowOf(at));
        QVERIFY(pane->legend()->text().contains(QStringLiteral("differs from the other file")));
        // A click on the tick scrolls this side's view to the middle of the row's bytes (and the other side follows).
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, map->topMargin() + rows.front()));
        const ByteRange span = map->model().rowRange(rows.front());
        QVERIFY2(pane->view()->visibleRange().contains(span.offset + span.size / 2),
                 qPrintable(QString::number(pane->view()->topOffset())));
        ComparePane *other = pane == w->paneA() ? w->paneB() : w->paneA();
        QVERIFY(other->view()->visibleRange().overlaps(span.offset > 4096 ? ByteRange{span.offset - 4096, span.size + 8192} : span));
        map->setLayerVisible(OverviewMap::Viewport, true);
    }
}

// A compare window on two 8 MiB files, B with 3 bytes inserted at the start and compared from there (Start in B =
// 3), with scattered changes, a dense stretch and a changed MiB, in both themes: the re-aligned compare finds the
// 4 bytes changed at 0x1234 and the changed MiB as runs on A's offsets. With HEXMAP_SCREENSHOT_DIR set (run it under
// xvfb-run -a with QT_QPA_PLATFORM=xcb to see the real style) it also saves compare-light.png and compare-dark.png,
// the cursor on a run.
void TestCompareMap::shiftedFirmwareScenario()
{
    const QByteArray outDir = qgetenv("HEXMAP_SCREENSHOT_DIR");
    const QByteArray a = randomBytes(8 << 20, 31);
    QByteArray b = QByteArray("\x01\x02\x03", 3) + a;
    QRandomGenerator g(32);
    const auto change = [&](qsizetype at, qsizetype n) {
        for (qsizetype k = 0; k < n; ++k)
            b[3 + at + k] = static_cast<char>(b[3 + at + k] ^ 0x21);
    };
    for (int i = 0; i < 40; ++i) // scattered
        change(g.bounded(8 << 20), 1 + g.bounded(6));
    for (int i = 0; i < 3000; ++i) // a dense stretch at 5 MiB
        change((5 << 20) + g.bounded(256 << 10), 1);
    change(2 << 20, 1 << 20); // a changed MiB
    change(0x1234, 4);
    const QString pa = m_dir.filePath(QStringLiteral("firmware-v1.bin"));
    const QString pb = m_dir.filePath(QStringLiteral("firmware-v2.bin"));
    QVERIFY(writeSparse(pa, a) && writeSparse(pb, b));
    for (const bool dark : {false, true}) {
        applyTheme(dark ? Preferences::Theme::Dark : Preferences::Theme::Light);
        QString error;
        std::unique_ptr<CompareWindow> w(CompareWindow::open(pa.toStdString(), pb.toStdString(), nullptr, &error));
        QVERIFY2(w, qPrintable(error));
        w->setAttribute(Qt::WA_DeleteOnClose, false);
        w->resize(1280, 760);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning(), 20000);
        w->findChildren<QLineEdit *>()[1]->setText(QStringLiteral("3"));
        QVERIFY(w->compareAgain());
        QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 20000);
        const CompareNavigator &runs = w->navigator();
        const auto small = runs.at(0x1234);
        QVERIFY2(small.has_value(), "no run at 0x1234");
        QVERIFY(runs.run(*small).offset <= 0x1234 && runs.run(*small).end() >= 0x1234 + 4);
        const auto mib = runs.at(2 << 20);
        QVERIFY2(mib.has_value(), "no run at 2 MiB");
        QCOMPARE(runs.run(*mib).offset, std::uint64_t(2) << 20); // the changed MiB starts a run (scattered changes
        QVERIFY(runs.at((3u << 20) - 1).has_value());               // inside it were flipped back: several runs)
        QVERIFY(!runs.at(0).has_value()); // aligned by the start offset: the first bytes are equal
        if (outDir.isEmpty())
            continue;
        w->goToNext(); // the run at 0x1234
        w->goToNext();
        QTest::qWait(100);
        const QString file = QString::fromLocal8Bit(outDir) + (dark ? "/compare-dark.png" : "/compare-light.png");
        QVERIFY(w->grab().save(file));
    }
    applyTheme(Preferences::Theme::System);
}

QTEST_MAIN(TestCompareMap)
#include "tst_comparemap.moc"
