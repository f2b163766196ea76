// The Partitions dock and the overview map's Partitions layer (issue 18): RegionBands' layout math, the dock listing
// a GPT image's partitions, activating a row moving the view, the map drawing the bands RegionBands lays out, the
// empty state, following the current tab, warnings of a damaged table. With HEXMAP_SCREENSHOT_DIR set (run it under
// xvfb-run -a with QT_QPA_PLATFORM=xcb to see the real style) it also saves partitions-light.png and
// partitions-dark.png.
#include "core/partitionimages.h"
#include "ui/common/theme.h"
#include "ui/document/document.h"
#include "ui/pane/documentpane.h"
#include "ui/pane/overviewmap.h"
#include "ui/pane/regionbands.h"
#include "ui/partitions/partitionsdock.h"
#include "ui/partitions/partitionsmodel.h"
#include "ui/partitions/partitionssupport.h"
#include "ui/view/hexview.h"
#include "ui/window/documenttabs.h"
#include "ui/window/mainwindow.h"

#include <QFile>
#include <QFontMetrics>
#include <QImage>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace hexmap;
using namespace partitiontest;

namespace {

struct ExpectedBand {
    int top = 0;
    int bottom = 0;
    QString label;
    int colorIndex = 0;
    std::size_t region = 0;
};

// Three partitions of a 40 MiB GPT image (512-byte sectors): 4 MiB from 1 MiB, 20 MiB from 5 MiB, 8 MiB from 25 MiB.
Image gptImage()
{
    Image img(std::size_t(40) << 20);
    putGpt(img, 512, {{kEfiSystem, 2048, 10239, u"EFI system", 0},
                      {kLinuxFs, 10240, 51199, u"root fs", 0},
                      {kLinuxSwap, 51200, 67583, u"swap", 0}});
    return img;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<hexmap::MapRegion>)
Q_DECLARE_METATYPE(std::vector<ExpectedBand>)

class TestPartitionsDock : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeImage(const char *name, const Image &img)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(reinterpret_cast<const char *>(img.data()), qint64(img.size())) != qint64(img.size()))
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_partitionsdock"));
        QVERIFY(m_dir.isValid());
    }

    void regionBands_data()
    {
        // A 1000-byte file on 100 rows (10 bytes a row), text 6 px a character, lines 10 px high.
        QTest::addColumn<quint64>("windowOffset");
        QTest::addColumn<quint64>("windowSize");
        QTest::addColumn<int>("laneWidth");
        QTest::addColumn<std::vector<MapRegion>>("regions");
        QTest::addColumn<std::vector<ExpectedBand>>("expected");
        const MapRegion a{{0, 200}, QStringLiteral("1"), QStringLiteral("boot"), {}};
        const MapRegion b{{200, 600}, QStringLiteral("2"), QStringLiteral("root fs"), {}};
        const MapRegion c{{800, 50}, QStringLiteral("3"), QStringLiteral("swap"), {}};
        const MapRegion d{{850, 150}, QStringLiteral("14"), {}, {}};
        QTest::newRow("tag and name fit") << quint64(0) << quint64(1000) << 100 << std::vector<MapRegion>{a, b}
                                          << std::vector<ExpectedBand>{{0, 20, "1 boot", 0, 0}, {20, 80, "2 root fs", 1, 1}};
        // Room = lane - 2 * 3 px: 48 px holds "1 boot" (36 px) but not "2 root fs" (54 px): the tag alone.
        QTest::newRow("narrow lane: tag only") << quint64(0) << quint64(1000) << 54 << std::vector<MapRegion>{a, b}
                                               << std::vector<ExpectedBand>{{0, 20, "1 boot", 0, 0}, {20, 80, "2", 1, 1}};
        QTest::newRow("band lower than a line: no label")
            << quint64(0) << quint64(1000) << 100 << std::vector<MapRegion>{c}
            << std::vector<ExpectedBand>{{80, 85, "", 0, 0}};
        QTest::newRow("lane too narrow for the tag") << quint64(0) << quint64(1000) << 17
                                                     << std::vector<MapRegion>{d}
                                                     << std::vector<ExpectedBand>{{85, 100, "", 0, 0}};
        QTest::newRow("colours cycle through three")
            << quint64(0) << quint64(1000) << 100 << std::vector<MapRegion>{a, b, c, d}
            << std::vector<ExpectedBand>{{0, 20, "1 boot", 0, 0}, {20, 80, "2 root fs", 1, 1}, {80, 85, "", 2, 2},
                                         {85, 100, "14", 0, 3}};
        // Zoomed to bytes [800, 900): 1 byte a row; a and b are outside, c and d clipped to the window.
        QTest::newRow("zoomed window skips regions outside")
            << quint64(800) << quint64(100) << 100 << std::vector<MapRegion>{a, b, c, d}
            << std::vector<ExpectedBand>{{0, 50, "3 swap", 0, 2}, {50, 100, "14", 1, 3}};
        QTest::newRow("empty region skipped") << quint64(0) << quint64(1000) << 100
                                              << std::vector<MapRegion>{{{500, 0}, QStringLiteral("9"), {}, {}}}
                                              << std::vector<ExpectedBand>{};
    }
    void regionBands()
    {
        QFETCH(quint64, windowOffset);
        QFETCH(quint64, windowSize);
        QFETCH(int, laneWidth);
        QFETCH(std::vector<MapRegion>, regions);
        QFETCH(std::vector<ExpectedBand>, expected);
        const OverviewModel model(ByteRange{windowOffset, windowSize}, 100);
        const auto bands = RegionBands::layout(model, regions, laneWidth, 10,
                                               [](const QString &t) { return int(t.size()) * 6; });
        QCOMPARE(bands.size(), expected.size());
        for (std::size_t i = 0; i < bands.size(); ++i) {
            QCOMPARE(bands[i].top, expected[i].top);
            QCOMPARE(bands[i].bottom, expected[i].bottom);
            QCOMPARE(bands[i].label, expected[i].label);
            QCOMPARE(bands[i].colorIndex, expected[i].colorIndex);
            QCOMPARE(bands[i].region, expected[i].region);
        }
    }

    void dockListsAndNavigates()
    {
        const QString path = writeImage("gpt.img", gptImage());
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.resize(1100, 700);
        auto *support = window.findChild<PartitionsSupport *>();
        QVERIFY(support);
        PartitionsDock *dock = support->dock();
        QCOMPARE(dock->summaryLabel()->text(), QStringLiteral("No partition table found")); // no file yet
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        dock->show();

        PartitionsModel *model = dock->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(dock->summaryLabel()->text(), QStringLiteral("GPT, 512-byte sectors, 3 partitions"));
        QVERIFY(dock->tree()->isVisibleTo(dock));
        QVERIFY(!dock->warningsLabel()->isVisibleTo(dock));
        const auto cell = [&](int row, int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(cell(1, PartitionsModel::NumberColumn), QStringLiteral("2"));
        QCOMPARE(cell(1, PartitionsModel::StartColumn), QStringLiteral("0x500000"));
        QCOMPARE(cell(1, PartitionsModel::SizeColumn), QStringLiteral("20.00 MiB"));
        QCOMPARE(cell(1, PartitionsModel::TypeColumn), QStringLiteral("Linux filesystem"));
        QCOMPARE(cell(1, PartitionsModel::NameColumn), QStringLiteral("root fs"));
        QCOMPARE(cell(2, PartitionsModel::NameColumn), QStringLiteral("swap"));

        // Activating row 2 (the second partition) moves the cursor to its start and selects it.
        HexView *view = window.hexView();
        view->setCursorOffset(0);
        emit dock->tree()->activated(model->index(1, PartitionsModel::NameColumn));
        QCOMPARE(view->cursorOffset(), std::uint64_t(5) << 20);
        QCOMPARE(view->topOffset(), std::uint64_t(5) << 20);
        QCOMPARE(view->selection(), (ByteRange{std::uint64_t(5) << 20, std::uint64_t(20) << 20}));

        // The map outlines the three partitions where RegionBands puts them.
        OverviewMap *map = window.currentPane()->map();
        QCOMPARE(map->regions().size(), std::size_t(3));
        QCOMPARE(map->regions()[1].range, (ByteRange{std::uint64_t(5) << 20, std::uint64_t(20) << 20}));
        QCOMPARE(map->regions()[1].name, QStringLiteral("root fs"));
        const auto lane = map->workerLane();
        const QFontMetrics fm(map->regionFont());
        const auto expected = RegionBands::layout(map->model(), map->regions(), lane.second - lane.first, fm.height(),
                                                  [&fm](const QString &t) { return fm.horizontalAdvance(t); });
        const auto bands = map->regionBands();
        QCOMPARE(bands.size(), std::size_t(3));
        const QImage image = map->grab().toImage();
        for (std::size_t i = 0; i < bands.size(); ++i) {
            QCOMPARE(bands[i].top, expected[i].top);
            QCOMPARE(bands[i].bottom, expected[i].bottom);
            QCOMPARE(bands[i].label, expected[i].label);
            // The band's strip at the lane's left edge, in its colour, halfway down the band.
            const int y = map->topMargin() + (bands[i].top + bands[i].bottom) / 2;
            const QColor strip = image.pixelColor(int((lane.first + 1) * image.devicePixelRatio()),
                                                  int(y * image.devicePixelRatio()));
            QCOMPARE(strip.name(), map->regionColor(bands[i].colorIndex).name());
        }
        QCOMPARE(map->regionAt((std::uint64_t(5) << 20) + 1)->tag, QStringLiteral("2"));
        QVERIFY(!map->regionAt(0)); // the protective MBR and the GPT headers belong to no partition
        const auto legend = map->legend();
        QVERIFY(std::any_of(legend.begin(), legend.end(),
                            [](const OverviewMap::LegendEntry &e) { return e.text == QStringLiteral("partitions"); }));
        map->setLayerVisible(OverviewMap::Partitions, false);
        const QImage hidden = map->grab().toImage();
        const int y0 = map->topMargin() + (bands[1].top + bands[1].bottom) / 2;
        QVERIFY(hidden.pixelColor(int((lane.first + 1) * hidden.devicePixelRatio()), int(y0 * hidden.devicePixelRatio())).name() !=
                map->regionColor(bands[1].colorIndex).name());
        map->setLayerVisible(OverviewMap::Partitions, true);
    }

    void followsTheCurrentTabAndShowsEmptyState()
    {
        const QString image = writeImage("tabs.img", gptImage());
        const QString zeros = writeImage("zeros.bin", Image(1 << 20));
        QVERIFY(!image.isEmpty() && !zeros.isEmpty());
        MainWindow window;
        auto *support = window.findChild<PartitionsSupport *>();
        PartitionsDock *dock = support->dock();
        QVERIFY(window.openFile(image));
        DocumentPane *imagePane = window.currentPane();
        QVERIFY(window.openFile(zeros));
        QVERIFY(window.currentPane() != imagePane);
        QCOMPARE(dock->model()->rowCount(), 0);
        QCOMPARE(dock->summaryLabel()->text(), QStringLiteral("No partition table found"));
        QVERIFY(!dock->tree()->isVisibleTo(dock));
        QVERIFY(window.currentPane()->map()->regions().empty());
        window.tabs()->setCurrent(imagePane);
        QCOMPARE(dock->model()->rowCount(), 3);
        // Activating moves the current tab's view, not the other one.
        emit dock->tree()->activated(dock->model()->index(2, 0));
        QCOMPARE(window.hexView()->cursorOffset(), std::uint64_t(25) << 20);
        QVERIFY(window.closeFile());
        QCOMPARE(dock->model()->rowCount(), 0);
    }

    void damagedTableShowsWarnings()
    {
        Image img = gptImage();
        img[512 + 40] ^= std::byte{0x01}; // primary header CRC no longer matches: the backup is used
        const QString path = writeImage("damaged.img", img);
        MainWindow window;
        PartitionsDock *dock = window.findChild<PartitionsSupport *>()->dock();
        QVERIFY(window.openFile(path));
        QCOMPARE(dock->model()->rowCount(), 3);
        QVERIFY(dock->warningsLabel()->isVisibleTo(dock));
        QVERIFY2(dock->warningsLabel()->text().contains(QStringLiteral("using the backup header")),
                 qPrintable(dock->warningsLabel()->text()));
    }

    void screenshots()
    {
        const QByteArray outDir = qgetenv("HEXMAP_SCREENSHOT_DIR");
        const QString path = writeImage("shot.img", gptImage());
        for (const bool dark : {false, true}) {
            applyTheme(dark ? Preferences::Theme::Dark : Preferences::Theme::Light);
            MainWindow window;
            window.resize(1280, 760);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openFile(path));
            PartitionsDock *dock = window.findChild<PartitionsSupport *>()->dock();
            dock->show();
            emit dock->tree()->activated(dock->model()->index(1, 0));
            QCOMPARE(dock->model()->rowCount(), 3); // the same scenario in both themes
            QCOMPARE(window.currentPane()->map()->regionBands().size(), std::size_t(3));
            if (outDir.isEmpty())
                continue;
            QTest::qWait(100);
            const QString file = QString::fromLocal8Bit(outDir) + (dark ? "/partitions-dark.png" : "/partitions-light.png");
            QVERIFY(window.grab().save(file));
        }
        applyTheme(Preferences::Theme::System);
    }
};

QTEST_MAIN(TestPartitionsDock)
#include "tst_partitionsdock.moc"
