#include "ui/pane/overviewmodel.h"

#include <QTest>

#include <cstdint>
#include <vector>

using namespace hexmap;

namespace {
constexpr quint64 kTiB = quint64(1) << 40;
constexpr quint64 kMax63 = (quint64(1) << 63) - 1;
constexpr quint64 kMax64 = UINT64_MAX;
} // namespace

class TestOverviewModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsOf_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<int>("height");
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("end");
        QTest::newRow("whole file") << quint64(1000) << 100 << quint64(0) << quint64(1000) << 0 << 100;
        QTest::newRow("first row exactly") << quint64(1000) << 100 << quint64(0) << quint64(10) << 0 << 1;
        QTest::newRow("one byte gets a row") << quint64(1000) << 100 << quint64(15) << quint64(1) << 1 << 2;
        QTest::newRow("straddles rows") << quint64(1000) << 100 << quint64(15) << quint64(10) << 1 << 3;
        QTest::newRow("last byte") << quint64(1000) << 100 << quint64(999) << quint64(1) << 99 << 100;
        QTest::newRow("clamped past end") << quint64(1000) << 100 << quint64(990) << quint64(100) << 99 << 100;
        QTest::newRow("past end is empty") << quint64(1000) << 100 << quint64(1000) << quint64(1) << 0 << 0;
        QTest::newRow("empty range") << quint64(1000) << 100 << quint64(5) << quint64(0) << 0 << 0;
        QTest::newRow("size 1 stretches") << quint64(1) << 300 << quint64(0) << quint64(1) << 0 << 300;
        QTest::newRow("tiny file byte 1 of 3") << quint64(3) << 300 << quint64(1) << quint64(1) << 100 << 200;
        QTest::newRow("1 TiB first byte") << kTiB << 1000 << quint64(0) << quint64(1) << 0 << 1;
        QTest::newRow("1 TiB last byte") << kTiB << 1000 << kTiB - 1 << quint64(1) << 999 << 1000;
        QTest::newRow("1 TiB quarter") << kTiB << 1000 << kTiB / 4 << kTiB / 4 << 250 << 500;
        QTest::newRow("1 TiB page at 3/4") << kTiB << 1024 << kTiB / 4 * 3 << quint64(4096) << 768 << 769;
        QTest::newRow("2^63-1 last byte") << kMax63 << 777 << kMax63 - 1 << quint64(1) << 776 << 777;
        QTest::newRow("2^63-1 half") << kMax63 << 2 << quint64(0) << kMax63 / 2 << 0 << 1;
        QTest::newRow("2^64-1 whole") << kMax64 << 4000 << quint64(0) << kMax64 << 0 << 4000;
        QTest::newRow("2^64-1 last byte") << kMax64 << 4000 << kMax64 - 1 << quint64(1) << 3999 << 4000;
    }
    void rowsOf()
    {
        QFETCH(quint64, size);
        QFETCH(int, height);
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        QFETCH(int, first);
        QFETCH(int, end);
        const OverviewModel m(size, height);
        const auto rows = m.rowsOf({offset, length});
        QCOMPARE(rows.first, first);
        QCOMPARE(rows.second, end);
        if (length && offset < size) {
            QCOMPARE(m.rowOf(offset), first);
            // The first row's byte span contains the range's first byte.
            QVERIFY(m.rowRange(first).contains(offset));
        }
    }

    void rowRangesTile_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<int>("height");
        QTest::newRow("even") << quint64(1000) << 100;
        QTest::newRow("uneven") << quint64(1001) << 97;
        QTest::newRow("smaller than height") << quint64(7) << 100;
        QTest::newRow("1 TiB") << kTiB << 1080;
        QTest::newRow("2^63-1") << kMax63 << 999;
        QTest::newRow("2^64-1") << kMax64 << 1;
    }
    // Row spans start where the previous row's floor ends: they cover the file without gaps.
    void rowRangesTile()
    {
        QFETCH(quint64, size);
        QFETCH(int, height);
        const OverviewModel m(size, height);
        QCOMPARE(m.rowRange(0).offset, quint64(0));
        QCOMPARE(m.rowRange(height - 1).end(), size);
        for (int r = 0; r + 1 < height; ++r) {
            QVERIFY(!m.rowRange(r).isEmpty());
            QVERIFY(m.rowRange(r + 1).offset <= m.rowRange(r).end());
            QVERIFY(m.rowRange(r + 1).offset >= m.rowRange(r).offset);
            QCOMPARE(m.offsetAtRow(r), m.rowRange(r).offset);
        }
        QCOMPARE(m.offsetAtRow(height), size - 1);
        QCOMPARE(m.offsetAtRow(-5), quint64(0));
    }

    void coverage_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<int>("height");
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::addColumn<QList<float>>("expected");
        QTest::newRow("half of row 1") << quint64(40) << 4 << quint64(10) << quint64(5)
                                       << QList<float>{0, 0.5f, 0, 0};
        QTest::newRow("rows 1-2 plus half") << quint64(40) << 4 << quint64(10) << quint64(25)
                                            << QList<float>{0, 1, 1, 0.5f};
        QTest::newRow("straddle") << quint64(40) << 4 << quint64(5) << quint64(10)
                                  << QList<float>{0.5f, 0.5f, 0, 0};
        QTest::newRow("all") << quint64(40) << 4 << quint64(0) << quint64(40) << QList<float>{1, 1, 1, 1};
        QTest::newRow("past end clamped") << quint64(40) << 4 << quint64(30) << quint64(100)
                                          << QList<float>{0, 0, 0, 1};
        QTest::newRow("one byte of two on 4 rows") << quint64(2) << 4 << quint64(1) << quint64(1)
                                                   << QList<float>{0, 0, 1, 1};
    }
    void coverage()
    {
        QFETCH(quint64, size);
        QFETCH(int, height);
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        QFETCH(QList<float>, expected);
        const OverviewModel m(size, height);
        const std::vector<ByteRange> ranges{{offset, length}};
        const std::vector<float> cov = m.coverage(ranges);
        QCOMPARE(int(cov.size()), height);
        for (int r = 0; r < height; ++r)
            QVERIFY2(qAbs(cov[size_t(r)] - expected[r]) < 1e-6f, qPrintable(QString("row %1: %2").arg(r).arg(cov[size_t(r)])));
    }

    // Tiny ranges in a 1 TiB / 2^63-1 file still mark their row; disjoint ranges add up, never above 1.
    void coverageHugeFiles()
    {
        for (const quint64 size : {kTiB, kMax63, kMax64}) {
            const OverviewModel m(size, 1000);
            const std::vector<ByteRange> ranges{{0, 1}, {size / 2, 4096}, {size - 1, 1}, {size / 4, size / 4}};
            const std::vector<float> cov = m.coverage(ranges);
            QVERIFY(cov[0] > 0);
            QVERIFY(cov[500] > 0);
            QVERIFY(cov[999] > 0);
            QCOMPARE(cov[1], 0.0f);
            for (int r = 250; r < 500; ++r)
                QVERIFY2(cov[size_t(r)] > 0.999f && cov[size_t(r)] <= 1.0f, qPrintable(QString::number(r)));
            QCOMPARE(cov[501], 0.0f);
        }
        const OverviewModel m(100, 10);
        const std::vector<ByteRange> halves{{0, 5}, {5, 5}, {0, 10}}; // overlapping: clamps
        QCOMPARE(m.coverage(halves)[0], 1.0f);
    }

    void invalid()
    {
        const OverviewModel none;
        QVERIFY(!none.isValid());
        QVERIFY(none.coverage({}).empty());
        QCOMPARE(none.rowsOf({0, 10}), (std::pair<int, int>(0, 0)));
        QCOMPARE(none.offsetAtRow(3), quint64(0));
        QVERIFY(OverviewModel(100, 0).coverage({}).empty());
        QVERIFY(!OverviewModel(0, 100).isValid());
    }

    // The zoomed map's window: size / zoom bytes (rounded up) centred on the viewport's middle, inside the file.
    void zoomWindow_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<quint64>("zoom");
        QTest::addColumn<quint64>("viewOffset");
        QTest::addColumn<quint64>("viewSize");
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::newRow("zoom 1 is the file") << quint64(1000) << quint64(1) << quint64(500) << quint64(10)
                                            << quint64(0) << quint64(1000);
        QTest::newRow("zoom 0 is the file") << quint64(1000) << quint64(0) << quint64(500) << quint64(10)
                                            << quint64(0) << quint64(1000);
        QTest::newRow("centred") << quint64(1000) << quint64(4) << quint64(495) << quint64(10) << quint64(375)
                                 << quint64(250);
        QTest::newRow("at the start") << quint64(1000) << quint64(4) << quint64(0) << quint64(10) << quint64(0)
                                      << quint64(250);
        QTest::newRow("at the end") << quint64(1000) << quint64(4) << quint64(990) << quint64(10) << quint64(750)
                                    << quint64(250);
        QTest::newRow("rounded up") << quint64(1001) << quint64(4) << quint64(0) << quint64(1) << quint64(0)
                                    << quint64(251);
        QTest::newRow("more zoom than bytes") << quint64(3) << quint64(1024) << quint64(2) << quint64(1)
                                              << quint64(2) << quint64(1);
        QTest::newRow("viewport past the end") << quint64(1000) << quint64(2) << quint64(5000) << quint64(10)
                                               << quint64(500) << quint64(500);
        QTest::newRow("1 TiB x1024 around 3/4") << kTiB << quint64(1024) << kTiB / 4 * 3 << quint64(4096)
                                                << kTiB / 4 * 3 + 2048 - kTiB / 2048 << kTiB / 1024;
        QTest::newRow("2^64-1 x2 at the end") << kMax64 << quint64(2) << kMax64 - 1 << quint64(1)
                                              << kMax64 / 2 << kMax64 - kMax64 / 2;
    }
    void zoomWindow()
    {
        QFETCH(quint64, size);
        QFETCH(quint64, zoom);
        QFETCH(quint64, viewOffset);
        QFETCH(quint64, viewSize);
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        const ByteRange w = OverviewModel::zoomWindow(size, zoom, {viewOffset, viewSize});
        QCOMPARE(quint64(w.offset), offset);
        QCOMPARE(quint64(w.size), length);
        QVERIFY(w.end() <= size);
    }

    // A model over a window: rows stand for the window's bytes; what lies outside is clipped away.
    void windowRows_data()
    {
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("end");
        // Window [1000, 2000) on 100 rows: 10 bytes per row.
        QTest::newRow("window start") << quint64(1000) << quint64(10) << 0 << 1;
        QTest::newRow("inside") << quint64(1500) << quint64(25) << 50 << 53;
        QTest::newRow("straddles the start") << quint64(900) << quint64(150) << 0 << 5;
        QTest::newRow("straddles the end") << quint64(1995) << quint64(100) << 99 << 100;
        QTest::newRow("covers the window") << quint64(0) << quint64(1'000'000) << 0 << 100;
        QTest::newRow("before the window") << quint64(0) << quint64(1000) << 0 << 0;
        QTest::newRow("after the window") << quint64(2000) << quint64(5) << 0 << 0;
    }
    void windowRows()
    {
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        QFETCH(int, first);
        QFETCH(int, end);
        const OverviewModel m(ByteRange{1000, 1000}, 100);
        QCOMPARE(m.rowsOf({offset, length}), (std::pair<int, int>(first, end)));
    }
    void windowOffsetsAndCoverage()
    {
        const OverviewModel m(ByteRange{1000, 1000}, 100);
        QVERIFY(m.isValid());
        QCOMPARE(m.fileSize(), quint64(1000));
        QCOMPARE(m.offsetAtRow(0), quint64(1000));
        QCOMPARE(m.offsetAtRow(50), quint64(1500));
        QCOMPARE(m.offsetAtRow(100), quint64(1999));
        QCOMPARE(m.rowRange(3), (ByteRange{1030, 10}));
        QCOMPARE(m.rowOf(1555), 55);
        QCOMPARE(m.rowOf(5), 0);       // before: the first row
        QCOMPARE(m.rowOf(999'999), 99); // after: the last row
        const std::vector<ByteRange> ranges{{0, 1005}, {1500, 10}, {1995, 1000}};
        const std::vector<float> cov = m.coverage(ranges);
        QCOMPARE(cov.size(), std::size_t(100));
        QCOMPARE(cov[0], 0.5f);  // only [1000, 1005) of the first range is inside
        QCOMPARE(cov[1], 0.0f);
        QCOMPARE(cov[50], 1.0f);
        QCOMPARE(cov[99], 0.5f); // [1995, 2000)
        QVERIFY(!OverviewModel(ByteRange{5, 0}, 100).isValid());
    }
};

QTEST_GUILESS_MAIN(TestOverviewModel)
#include "tst_overviewmodel.moc"
