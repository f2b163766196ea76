#include "ui/view/hexlayout.h"
#include "ui/view/scrollscaler.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <vector>

using namespace hexmap;

namespace {

constexpr quint64 kTiB = quint64(1) << 40;
constexpr quint64 kMax63 = (quint64(1) << 63) - 1;

HexLayout::Metrics testMetrics()
{
    HexLayout::Metrics m;
    m.charWidth = 10.0; // whole numbers keep every expected x exact
    m.lineHeight = 20;
    m.ascent = 15.0;
    return m;
}

HexLayout makeLayout(std::uint64_t size, int bpr = 16, int group = 1, HexLayout::Spacing s = HexLayout::Spacing())
{
    HexLayout l;
    l.configure(size, bpr, group, testMetrics(), s);
    return l;
}

} // namespace

class TestHexLayout : public QObject
{
    Q_OBJECT

private slots:
    void rowMath_data();
    void rowMath();
    void configureNormalizes();
    void offsetDigits_data();
    void offsetDigits();
    void columns_data();
    void columns();
    void positionsMatchReference();
    void hitTest_data();
    void hitTest();
    void hitTestEveryNibble();
    void hitTestClamps();
    void hitTestHugeFile();
    void fitToWidth();
    void verticalRows();
    void rowsInRect_data();
    void rowsInRect();
    void scrollIdentity();
    void scrollExhaustiveSmallLimit_data();
    void scrollExhaustiveSmallLimit();
    void scrollHuge_data();
    void scrollHuge();
    void ensureVisible();
    void lastByteOfTiBReachable();
    void appendPositionRows_data();
    void appendPositionRows();
    void appendPositionHitTest();
    void appendPositionEmptyAndHuge();
    void insertCaretRect();
};

void TestHexLayout::rowMath_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("bpr");
    QTest::addColumn<quint64>("rows");
    QTest::addColumn<quint64>("lastRowStart");
    QTest::addColumn<quint64>("lastRowBytes");
    QTest::newRow("1") << quint64(1) << 16 << quint64(1) << quint64(0) << quint64(1);
    QTest::newRow("15") << quint64(15) << 16 << quint64(1) << quint64(0) << quint64(15);
    QTest::newRow("16") << quint64(16) << 16 << quint64(1) << quint64(0) << quint64(16);
    QTest::newRow("17") << quint64(17) << 16 << quint64(2) << quint64(16) << quint64(1);
    QTest::newRow("page-1") << quint64(4095) << 16 << quint64(256) << quint64(4080) << quint64(15);
    QTest::newRow("page") << quint64(4096) << 16 << quint64(256) << quint64(4080) << quint64(16);
    QTest::newRow("page+1") << quint64(4097) << 16 << quint64(257) << quint64(4096) << quint64(1);
    QTest::newRow("1TiB/16") << quint64(kTiB) << 16 << quint64(1) * (quint64(1) << 36) << quint64(0xFFFFFFFFF0)
                             << quint64(16);
    QTest::newRow("1TiB/64") << quint64(kTiB) << 64 << (quint64(1) << 34) << (kTiB - 64) << quint64(64);
    QTest::newRow("2^63-1/16") << quint64(kMax63) << 16 << (quint64(1) << 59) << (quint64(1) << 63) - 16
                               << quint64(15);
    QTest::newRow("2^63-1/64") << quint64(kMax63) << 64 << (quint64(1) << 57) << (quint64(1) << 63) - 64
                               << quint64(63);
    QTest::newRow("max/16") << quint64(UINT64_MAX) << 16 << (quint64(1) << 60) << quint64(UINT64_MAX - 15)
                            << quint64(15);
    QTest::newRow("max/1") << quint64(UINT64_MAX) << 1 << quint64(UINT64_MAX) << quint64(UINT64_MAX - 1)
                           << quint64(1);
    QTest::newRow("max/1024") << quint64(UINT64_MAX) << 1024 << (quint64(1) << 54) << quint64(UINT64_MAX - 1023)
                              << quint64(1023);
    QTest::newRow("max/48") << quint64(UINT64_MAX) << 48 << quint64(384307168202282326ULL)
                            << quint64(UINT64_MAX - 15) << quint64(15);
}

void TestHexLayout::rowMath()
{
    QFETCH(quint64, size);
    QFETCH(int, bpr);
    QFETCH(quint64, rows);
    QFETCH(quint64, lastRowStart);
    QFETCH(quint64, lastRowBytes);
    const HexLayout l = makeLayout(size, bpr);
    QCOMPARE(l.bytesPerRow(), bpr);
    QCOMPARE(l.rowCount(), rows);
    QCOMPARE(l.rowStart(rows - 1), lastRowStart);
    QCOMPARE(l.rowRange(rows - 1), (ByteRange{lastRowStart, lastRowBytes}));
    QCOMPARE(l.rowRange(rows - 1).end(), size);
    QVERIFY(l.rowRange(rows).isEmpty());
    QCOMPARE(l.rowOf(size - 1), rows - 1);
    QCOMPARE(l.rowStart(UINT64_MAX), UINT64_MAX); // saturates, never wraps
    const std::uint64_t probes[] = {0, 1, size / 2, lastRowStart, lastRowStart ? lastRowStart - 1 : 0, size - 2,
                                    size - 1};
    for (std::uint64_t o : probes) {
        if (o >= size)
            continue;
        const std::uint64_t row = l.rowOf(o);
        QCOMPARE(l.rowStart(row) + std::uint64_t(l.columnOf(o)), o);
        QVERIFY(l.columnOf(o) < bpr);
        QVERIFY2(l.rowRange(row).contains(o), qPrintable(QString::number(o)));
    }
}

void TestHexLayout::configureNormalizes()
{
    QCOMPARE(makeLayout(100, 16, 3).groupSize(), 2);
    QCOMPARE(makeLayout(100, 16, 100).groupSize(), 8);
    QCOMPARE(makeLayout(100, 16, 0).groupSize(), 1);
    QCOMPARE(makeLayout(100, 20, 8).bytesPerRow(), 16); // rounded down to whole groups
    QCOMPARE(makeLayout(100, 4, 8).bytesPerRow(), 8);   // at least one group
    QCOMPARE(makeLayout(100, 0, 1).bytesPerRow(), 1);
    QCOMPARE(makeLayout(100, 1 << 20, 1).bytesPerRow(), HexLayout::kMaxBytesPerRow);
    HexLayout l;
    l.configure(100, 16, 1, HexLayout::Metrics{0.0, 0, 0.0});
    QCOMPARE(l.metrics().lineHeight, 1);
    QVERIFY(l.metrics().charWidth > 0);
    const HexLayout empty = makeLayout(0);
    QCOMPARE(empty.rowCount(), quint64(0));
    QVERIFY(!empty.cellAt(QPoint(200, 0), 0).has_value());
    QCOMPARE(empty.maxFirstRow(10), quint64(0));
    QCOMPARE(empty.scrollMaximum(10), 0);
}

void TestHexLayout::offsetDigits_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("digits");
    QTest::newRow("1") << quint64(1) << 8;
    QTest::newRow("4GiB") << (quint64(1) << 32) << 8;          // last offset 0xFFFFFFFF
    QTest::newRow("4GiB+1") << (quint64(1) << 32) + 1 << 9;    // last offset 0x100000000
    QTest::newRow("1TiB") << quint64(kTiB) << 10;              // 0xFFFFFFFFFF
    QTest::newRow("2^63-1") << quint64(kMax63) << 16;
    QTest::newRow("max") << quint64(UINT64_MAX) << 16;
}

void TestHexLayout::offsetDigits()
{
    QFETCH(quint64, size);
    QFETCH(int, digits);
    const HexLayout l = makeLayout(size);
    QCOMPARE(l.offsetDigits(), digits);
    QCOMPARE(l.offsetColumn().width, digits * 10.0);
}

void TestHexLayout::columns_data()
{
    QTest::addColumn<int>("group");
    QTest::addColumn<int>("byteGap");
    QTest::addColumn<int>("groupGap");
    QTest::addColumn<qreal>("hexWidth");
    QTest::addColumn<int>("probe");
    QTest::addColumn<qreal>("probeX");
    // offset column: x 10, width 80; hex starts at 11 chars = 110 px; 16 bytes per row.
    QTest::newRow("g1 0/1") << 1 << 0 << 1 << 470.0 << 5 << 110.0 + 5 * 30;
    QTest::newRow("g2 0/1") << 2 << 0 << 1 << 390.0 << 5 << 110.0 + 2 * 50 + 20;
    QTest::newRow("g4 0/1") << 4 << 0 << 1 << 350.0 << 5 << 110.0 + 90 + 20;
    QTest::newRow("g8 0/1") << 8 << 0 << 1 << 330.0 << 9 << 110.0 + 170 + 20;
    QTest::newRow("g2 1/2") << 2 << 1 << 2 << 540.0 << 3 << 110.0 + 70 + 30;
    QTest::newRow("g8 1/3") << 8 << 1 << 3 << (2 * (16 + 7) + 3) * 10.0 << 15 << 110.0 + 260 + 7 * 30;
}

void TestHexLayout::columns()
{
    QFETCH(int, group);
    QFETCH(int, byteGap);
    QFETCH(int, groupGap);
    QFETCH(qreal, hexWidth);
    QFETCH(int, probe);
    QFETCH(qreal, probeX);
    const HexLayout l = makeLayout(256, 16, group, HexLayout::Spacing{byteGap, groupGap});
    QCOMPARE(l.offsetColumn().x, 10.0);
    QCOMPARE(l.hexColumn().x, 110.0);
    QCOMPARE(l.hexColumn().width, hexWidth);
    QCOMPARE(l.xOfHexByte(0), 110.0);
    QCOMPARE(l.xOfHexByte(probe), probeX);
    QCOMPARE(l.xOfHexByte(15) + l.hexByteWidth(), l.hexColumn().right());
    QCOMPARE(l.asciiColumn().x, l.hexColumn().right() + 20.0);
    QCOMPARE(l.asciiColumn().width, 160.0);
    QCOMPARE(l.xOfAsciiByte(3), l.asciiColumn().x + 30.0);
    QCOMPARE(l.totalWidth(), l.asciiColumn().right() + 10.0);
}

// The O(1) positions equal the ones a loop over the row would produce, for every grouping and spacing.
void TestHexLayout::positionsMatchReference()
{
    for (int group : {1, 2, 4, 8}) {
        for (int byteGap : {0, 1, 2}) {
            for (int groupGap : {0, 1, 2, 3}) {
                for (int bpr : {8, 16, 24, 64}) {
                    const HexLayout l = makeLayout(1000, bpr, group, HexLayout::Spacing{byteGap, groupGap});
                    QCOMPARE(l.bytesPerRow(), bpr);
                    qreal x = l.hexColumn().x;
                    for (int c = 0; c < bpr; ++c) {
                        if (c > 0)
                            x += 10.0 * (c % group == 0 ? groupGap : byteGap);
                        QCOMPARE(l.xOfHexByte(c), x);
                        x += 20.0;
                    }
                    QCOMPARE(x, l.hexColumn().right());
                }
            }
        }
    }
}

void TestHexLayout::hitTest_data()
{
    QTest::addColumn<int>("group");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addColumn<quint64>("firstRow");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<int>("area"); // 0 offset, 1 hex, 2 ascii
    QTest::addColumn<int>("nibble");
    QTest::addColumn<bool>("clamped");
    // group 1, spacing 0/1: byte c at 110 + 30c, gaps one char; hex ends at 580, ASCII starts at 600.
    QTest::newRow("margin") << 1 << 0 << 0 << quint64(0) << quint64(0) << 0 << 0 << false;
    QTest::newRow("offset col row 2") << 1 << 50 << 45 << quint64(0) << quint64(32) << 0 << 0 << false;
    QTest::newRow("offset gap left half") << 1 << 99 << 0 << quint64(0) << quint64(0) << 0 << 0 << false;
    QTest::newRow("offset gap right half") << 1 << 100 << 0 << quint64(0) << quint64(0) << 1 << 0 << false;
    QTest::newRow("byte0 high") << 1 << 110 << 0 << quint64(0) << quint64(0) << 1 << 0 << false;
    QTest::newRow("byte0 high end") << 1 << 119 << 0 << quint64(0) << quint64(0) << 1 << 0 << false;
    QTest::newRow("byte0 low") << 1 << 120 << 0 << quint64(0) << quint64(0) << 1 << 1 << false;
    QTest::newRow("gap left half") << 1 << 134 << 0 << quint64(0) << quint64(0) << 1 << 1 << false;
    QTest::newRow("gap right half") << 1 << 135 << 0 << quint64(0) << quint64(1) << 1 << 0 << false;
    QTest::newRow("byte1 high") << 1 << 140 << 0 << quint64(0) << quint64(1) << 1 << 0 << false;
    QTest::newRow("byte15 low") << 1 << 579 << 0 << quint64(0) << quint64(15) << 1 << 1 << false;
    QTest::newRow("hex/ascii gap left") << 1 << 589 << 0 << quint64(0) << quint64(15) << 1 << 1 << false;
    QTest::newRow("hex/ascii gap right") << 1 << 590 << 0 << quint64(0) << quint64(0) << 2 << 0 << false;
    QTest::newRow("ascii 0") << 1 << 609 << 19 << quint64(0) << quint64(0) << 2 << 0 << false;
    QTest::newRow("ascii 1 row 1") << 1 << 610 << 20 << quint64(0) << quint64(17) << 2 << 0 << false;
    QTest::newRow("ascii 15") << 1 << 759 << 0 << quint64(0) << quint64(15) << 2 << 0 << false;
    QTest::newRow("far right") << 1 << 100000 << 0 << quint64(0) << quint64(15) << 2 << 0 << false;
    QTest::newRow("first row 3") << 1 << 140 << 0 << quint64(3) << quint64(49) << 1 << 0 << false;
    QTest::newRow("above first row 3") << 1 << 140 << -1 << quint64(3) << quint64(33) << 1 << 0 << false;
    QTest::newRow("above row 0") << 1 << 140 << -1 << quint64(0) << quint64(1) << 1 << 0 << true;
    // group 4, spacing 0/1: groups at 110, 200, 290, 380; bytes of a group adjacent.
    QTest::newRow("g4 byte3 low") << 4 << 189 << 0 << quint64(0) << quint64(3) << 1 << 1 << false;
    QTest::newRow("g4 group gap left") << 4 << 194 << 0 << quint64(0) << quint64(3) << 1 << 1 << false;
    QTest::newRow("g4 group gap right") << 4 << 195 << 0 << quint64(0) << quint64(4) << 1 << 0 << false;
    QTest::newRow("g4 byte1 high") << 4 << 130 << 0 << quint64(0) << quint64(1) << 1 << 0 << false;
    QTest::newRow("g4 byte0 low") << 4 << 129 << 0 << quint64(0) << quint64(0) << 1 << 1 << false;
}

void TestHexLayout::hitTest()
{
    QFETCH(int, group);
    QFETCH(int, x);
    QFETCH(int, y);
    QFETCH(quint64, firstRow);
    QFETCH(quint64, offset);
    QFETCH(int, area);
    QFETCH(int, nibble);
    QFETCH(bool, clamped);
    const HexLayout l = makeLayout(4096, 16, group);
    const auto cell = l.cellAt(QPoint(x, y), firstRow);
    QVERIFY(cell.has_value());
    QCOMPARE(cell->offset, offset);
    QCOMPARE(int(cell->area), area);
    QCOMPARE(int(cell->nibble), nibble);
    QCOMPARE(cell->clamped, clamped);
}

// Every nibble's own pixels map back to it, and gap midpoints split between neighbours, for all groupings.
void TestHexLayout::hitTestEveryNibble()
{
    for (int group : {1, 2, 4, 8}) {
        for (HexLayout::Spacing s : {HexLayout::Spacing{0, 1}, HexLayout::Spacing{1, 2}, HexLayout::Spacing{0, 0}}) {
            const HexLayout l = makeLayout(1 << 20, 32, group, s);
            for (int c = 0; c < 32; ++c) {
                for (int n = 0; n < 2; ++n) {
                    for (int dx : {0, 5, 9}) {
                        const int x = int(l.xOfHexByte(c)) + 10 * n + dx;
                        const auto cell = l.cellAt(QPoint(x, 7 * 20 + 3), 100);
                        QVERIFY(cell.has_value());
                        QCOMPARE(cell->offset, quint64(107 * 32 + c));
                        QCOMPARE(cell->area, HexLayout::Area::Hex);
                        QCOMPARE(int(cell->nibble), n);
                    }
                }
                const int ax = int(l.xOfAsciiByte(c)) + 9;
                QCOMPARE(l.cellAt(QPoint(ax, 0), 0)->offset, quint64(c));
                QCOMPARE(l.cellAt(QPoint(ax, 0), 0)->area, HexLayout::Area::Ascii);
            }
        }
    }
}

void TestHexLayout::hitTestClamps()
{
    const HexLayout l = makeLayout(250); // last row 15 holds 240..249
    auto cell = l.cellAt(QPoint(int(l.xOfHexByte(12)), 15 * 20), 0);
    QCOMPARE(cell->offset, quint64(249));
    QVERIFY(cell->clamped);
    QCOMPARE(cell->nibble, HexLayout::Nibble::Low);
    cell = l.cellAt(QPoint(int(l.xOfHexByte(9)), 15 * 20), 0);
    QCOMPARE(cell->offset, quint64(249));
    QVERIFY(!cell->clamped);
    cell = l.cellAt(QPoint(int(l.xOfAsciiByte(3)), 1000 * 20), 0); // far below: last row, same column
    QCOMPARE(cell->offset, quint64(243));
    QVERIFY(cell->clamped);
    cell = l.cellAt(QPoint(int(l.xOfAsciiByte(3)), INT_MIN), 5); // far above: row 0
    QCOMPARE(cell->offset, quint64(3));
    QVERIFY(cell->clamped);
    cell = l.cellAt(QPoint(INT_MIN, INT_MAX), UINT64_MAX);
    QCOMPARE(cell->offset, quint64(240));
    QCOMPARE(cell->area, HexLayout::Area::Offset);
    QVERIFY(cell->clamped);
}

void TestHexLayout::hitTestHugeFile()
{
    for (std::uint64_t size : {std::uint64_t(kMax63), std::uint64_t(UINT64_MAX)}) {
        const HexLayout l = makeLayout(size);
        const std::uint64_t last = l.rowCount() - 1;
        auto cell = l.cellAt(QPoint(int(l.xOfAsciiByte(14)), 0), last);
        QCOMPARE(cell->offset, size - 1);
        QVERIFY(!cell->clamped);
        cell = l.cellAt(QPoint(int(l.xOfAsciiByte(15)), 0), last);
        QCOMPARE(cell->offset, size - 1);
        QVERIFY(cell->clamped);
        cell = l.cellAt(QPoint(int(l.xOfHexByte(0)), 2 * 20), last - 1); // one row past the end
        QCOMPARE(cell->offset, l.rowStart(last));
        QVERIFY(cell->clamped);
    }
}

void TestHexLayout::fitToWidth()
{
    for (int group : {1, 2, 4, 8}) {
        const HexLayout l = makeLayout(kTiB, 16, group);
        for (int bpr : {8, 16, 32, 64}) {
            if (bpr < group)
                continue;
            const qreal width = makeLayout(kTiB, bpr, group).totalWidth();
            QCOMPARE(l.fitBytesPerRow(width), bpr);
            QCOMPARE(l.fitBytesPerRow(width - 0.5), bpr / 2 >= group ? bpr / 2 : group);
        }
        QCOMPARE(l.fitBytesPerRow(1e9), 64);
        QCOMPARE(l.fitBytesPerRow(1e9, 32), 32);
        QCOMPARE(l.fitBytesPerRow(0), group);
    }
}

void TestHexLayout::verticalRows()
{
    const HexLayout l = makeLayout(kTiB);
    QCOMPARE(l.pageRows(0), quint64(1));
    QCOMPARE(l.pageRows(39), quint64(1));
    QCOMPARE(l.pageRows(400), quint64(20));
    QCOMPARE(l.pageRows(419), quint64(20));
    QCOMPARE(l.visibleRows(0), quint64(0));
    QCOMPARE(l.visibleRows(400), quint64(20));
    QCOMPARE(l.visibleRows(401), quint64(21));
    QCOMPARE(l.rowTop(10, 12), 40);
    QCOMPARE(l.rowTop(10, 9), -20);
    QCOMPARE(l.rowTop(0, UINT64_MAX), 1 << 24);
    QCOMPARE(l.rowTop(UINT64_MAX, 0), -(1 << 24));
    QCOMPARE(l.byteRect(HexLayout::Area::Hex, 16 * 12 + 5, 10), QRectF(l.xOfHexByte(5), 40, 20, 20));
    QCOMPARE(l.byteRect(HexLayout::Area::Ascii, 16 * 12 + 5, 10), QRectF(l.xOfAsciiByte(5), 40, 10, 20));
    QCOMPARE(l.byteRect(HexLayout::Area::Offset, 16 * 12 + 5, 10), QRectF(10, 40, 100, 20)); // 10 digits
    // The nibble caret's cells: the left half of the byte is the high nibble, the right half the low one.
    using N = HexLayout::Nibble;
    QCOMPARE(l.nibbleRect(16 * 12 + 5, N::High, 10), QRectF(l.xOfHexByte(5), 40, 10, 20));
    QCOMPARE(l.nibbleRect(16 * 12 + 5, N::Low, 10), QRectF(l.xOfHexByte(5) + 10, 40, 10, 20));
    QCOMPARE(l.nibbleRect(kTiB - 1, N::Low, l.rowOf(kTiB - 1)).right(),
             l.byteRect(HexLayout::Area::Hex, kTiB - 1, l.rowOf(kTiB - 1)).right());
}

void TestHexLayout::rowsInRect_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<quint64>("firstRow");
    QTest::addColumn<QRect>("rect");
    QTest::addColumn<quint64>("begin");
    QTest::addColumn<quint64>("end");
    QTest::newRow("one row") << quint64(4096) << quint64(5) << QRect(0, 0, 100, 20) << quint64(5) << quint64(6);
    QTest::newRow("one px more") << quint64(4096) << quint64(5) << QRect(0, 0, 100, 21) << quint64(5) << quint64(7);
    QTest::newRow("inside rows") << quint64(4096) << quint64(5) << QRect(0, 25, 100, 30) << quint64(6) << quint64(8);
    QTest::newRow("above top") << quint64(4096) << quint64(5) << QRect(0, -5, 10, 10) << quint64(4) << quint64(6);
    QTest::newRow("above row 0") << quint64(4096) << quint64(0) << QRect(0, -50, 10, 60) << quint64(0) << quint64(1);
    QTest::newRow("past end") << quint64(4096) << quint64(250) << QRect(0, 0, 10, 400) << quint64(250)
                              << quint64(256);
    QTest::newRow("all past end") << quint64(4096) << quint64(256) << QRect(0, 0, 10, 400) << quint64(256)
                                  << quint64(256);
    QTest::newRow("empty") << quint64(4096) << quint64(3) << QRect() << quint64(3) << quint64(3);
    QTest::newRow("huge last") << quint64(UINT64_MAX) << (quint64(1) << 60) - 2 << QRect(0, 0, 10, 1000)
                               << (quint64(1) << 60) - 2 << (quint64(1) << 60);
}

void TestHexLayout::rowsInRect()
{
    QFETCH(quint64, size);
    QFETCH(quint64, firstRow);
    QFETCH(QRect, rect);
    QFETCH(quint64, begin);
    QFETCH(quint64, end);
    const auto rows = makeLayout(size).rowsInRect(firstRow, rect);
    QCOMPARE(rows.first, begin);
    QCOMPARE(rows.second, end);
}

void TestHexLayout::scrollIdentity()
{
    const HexLayout l = makeLayout(4096); // 256 rows
    QCOMPARE(l.maxFirstRow(10), quint64(246));
    QCOMPARE(l.scrollMaximum(10), 246);
    QVERIFY(!l.scroller(10).isScaled());
    for (int v = 0; v <= 246; ++v) {
        QCOMPARE(l.firstRowForScrollValue(v, 10), quint64(v));
        QCOMPARE(l.scrollValueForFirstRow(quint64(v), 10), v);
    }
    QCOMPARE(l.firstRowForScrollValue(1000, 10), quint64(246));
    QCOMPARE(l.firstRowForScrollValue(-5, 10), quint64(0));
    QCOMPARE(l.scrollValueForFirstRow(1000, 10), 246);
    QCOMPARE(l.maxFirstRow(1000), quint64(0)); // everything fits
    QCOMPARE(l.scrollMaximum(1000), 0);
    QCOMPARE(l.scrollPageStep(10), 10);
}

void TestHexLayout::scrollExhaustiveSmallLimit_data()
{
    QTest::addColumn<quint64>("maxRow");
    QTest::addColumn<int>("limit");
    QTest::newRow("limit") << quint64(100) << 100;
    QTest::newRow("limit+1") << quint64(101) << 100;
    QTest::newRow("10x") << quint64(1000) << 100;
    QTest::newRow("odd ratio") << quint64(12345) << 97;
    QTest::newRow("min limit") << quint64(100000) << 16;
}

// Every value and every row, for a small limit: the properties the big cases are sampled for.
void TestHexLayout::scrollExhaustiveSmallLimit()
{
    QFETCH(quint64, maxRow);
    QFETCH(int, limit);
    const ScrollScaler s(maxRow, limit);
    const int m = s.maximum();
    QCOMPARE(m, int(std::min<quint64>(maxRow, quint64(limit))));
    QCOMPARE(s.rowForValue(0), quint64(0));
    QCOMPARE(s.rowForValue(m), maxRow);
    QCOMPARE(s.valueForRow(maxRow), m);
    QCOMPARE(s.valueForRow(0), 0);
    for (int v = 0; v <= m; ++v) {
        QCOMPARE(s.valueForRow(s.rowForValue(v)), v);
        if (v > 0)
            QVERIFY(s.rowForValue(v) > s.rowForValue(v - 1)); // strictly increasing: a step moves >= 1 row
    }
    const quint64 k = s.edgeRows();
    QCOMPARE(k, s.isScaled() ? quint64(limit / 4) : quint64(0));
    for (quint64 r = 0; r <= maxRow; ++r) {
        const int v = s.valueForRow(r);
        QVERIFY(s.rowForValue(v) >= r);
        QVERIFY(v == 0 || s.rowForValue(v - 1) < r); // smallest such value
        if (r <= k || r >= maxRow - k)
            QCOMPARE(s.rowForValue(v), r); // every row near the ends is reachable exactly
    }
}

void TestHexLayout::scrollHuge_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("bpr");
    QTest::newRow("1TiB/16") << kTiB << 16;
    QTest::newRow("1TiB/64") << kTiB << 64;
    QTest::newRow("2^63-1/16") << kMax63 << 16;
    QTest::newRow("max/1") << quint64(UINT64_MAX) << 1;
}

void TestHexLayout::scrollHuge()
{
    QFETCH(quint64, size);
    QFETCH(int, bpr);
    const HexLayout l = makeLayout(size, bpr);
    const quint64 page = 40;
    const ScrollScaler s = l.scroller(page);
    const quint64 r = l.maxFirstRow(page);
    QCOMPARE(r, l.rowCount() - page);
    QVERIFY(s.isScaled());
    const int m = s.maximum();
    QCOMPARE(m, ScrollScaler::kDefaultLimit);
    QCOMPARE(s.rowForValue(0), quint64(0));
    QCOMPARE(s.rowForValue(m), r);
    QCOMPARE(s.valueForRow(r), m);
    QCOMPARE(s.valueForRow(UINT64_MAX), m);
    const quint64 k = s.edgeRows();
    QCOMPARE(k, ScrollScaler::kMaxEdgeRows);
    // Near both ends, every value moves exactly one row, so every row there is reachable.
    for (quint64 i = 0; i <= k; ++i) {
        QCOMPARE(s.rowForValue(int(i)), i);
        QCOMPARE(s.valueForRow(i), int(i));
        QCOMPARE(s.rowForValue(m - int(i)), r - i);
        QCOMPARE(s.valueForRow(r - i), m - int(i));
    }
    QVERIFY(s.rowForValue(int(k) + 2) > k + 2); // the linear part moves more than a row per step
    // Sampled over the whole range: strictly increasing, exact value round trip, smallest value for a row.
    std::vector<int> values;
    QRandomGenerator rng(12345);
    for (int i = 0; i < 20000; ++i)
        values.push_back(int(rng.bounded(quint32(m) + 1)));
    for (int v : {int(k) - 1, int(k), int(k) + 1, m - int(k) - 1, m - int(k), m - int(k) + 1, m / 2})
        values.push_back(v);
    std::sort(values.begin(), values.end());
    quint64 previous = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        const int v = values[i];
        const quint64 row = s.rowForValue(v);
        if (i > 0 && v > values[i - 1])
            QVERIFY(row > previous);
        previous = row;
        QCOMPARE(s.valueForRow(row), v);
        QVERIFY(v == 0 || s.rowForValue(v - 1) < row);
        const quint64 anyRow = rng.bounded(quint32(1) << 31) * (r >> 31) + rng.bounded(quint32(1) << 31);
        const int w = s.valueForRow(anyRow);
        QVERIFY(s.rowForValue(w) >= std::min(anyRow, r));
        QVERIFY(w == 0 || s.rowForValue(w - 1) < std::min(anyRow, r));
    }
}

void TestHexLayout::ensureVisible()
{
    const HexLayout l = makeLayout(4096); // 256 rows
    QCOMPARE(l.firstRowToShow(105 * 16, 100, 10), quint64(100)); // already visible
    QCOMPARE(l.firstRowToShow(109 * 16 + 15, 100, 10), quint64(100));
    QCOMPARE(l.firstRowToShow(99 * 16, 100, 10), quint64(99));   // above: it becomes the top row
    QCOMPARE(l.firstRowToShow(110 * 16, 100, 10), quint64(101)); // below: it becomes the bottom row
    QCOMPARE(l.firstRowToShow(4095, 0, 10), quint64(246));
    QCOMPARE(l.firstRowToShow(UINT64_MAX, 0, 10), quint64(246)); // clamped into the file
    QCOMPARE(l.firstRowToShow(0, 246, 10), quint64(0));
    QCOMPARE(l.firstRowToShow(0, 1000, 10), quint64(0));
    QCOMPARE(l.firstRowToShow(16 * 200, 1000, 10), quint64(200));
    QCOMPARE(l.firstRowToShow(16 * 200, 100, 0), quint64(200)); // a zero page counts as one row
    QCOMPARE(l.clampFirstRow(UINT64_MAX, 10), quint64(246));
}

// The last byte of a 1 TiB file: the bar's maximum shows it, Go to scrolls to it, and it can be clicked.
void TestHexLayout::lastByteOfTiBReachable()
{
    const HexLayout l = makeLayout(kTiB);
    const int height = 40 * 20 + 7;
    const quint64 page = l.pageRows(height);
    QCOMPARE(page, quint64(40));
    const quint64 first = l.firstRowForScrollValue(l.scrollMaximum(page), page);
    QCOMPARE(first, (kTiB / 16) - 40);
    const auto rows = l.rowsInRect(first, QRect(0, 0, 800, height));
    QCOMPARE(rows.second, l.rowCount());
    QCOMPARE(l.rowStart(rows.second - 1), quint64(0xFFFFFFFFF0));
    QCOMPARE(l.firstRowToShow(kTiB - 1, 0, page), first);
    QCOMPARE(l.scrollValueForFirstRow(first, page), l.scrollMaximum(page));
    const QPointF centre = l.byteRect(HexLayout::Area::Hex, kTiB - 1, first).center();
    const auto cell = l.cellAt(centre.toPoint(), first);
    QCOMPARE(cell->offset, kTiB - 1);
    QVERIFY(!cell->clamped);
    QVERIFY(l.byteRect(HexLayout::Area::Hex, kTiB - 1, first).bottom() <= height);
}

void TestHexLayout::appendPositionRows_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<quint64>("rowsOff"); // rowCount() in overwrite mode
    QTest::addColumn<quint64>("rowsOn");  // with the append position: a new row when the last one is full
    QTest::newRow("empty") << quint64(0) << quint64(0) << quint64(1);
    QTest::newRow("size 1") << quint64(1) << quint64(1) << quint64(1);
    QTest::newRow("row - 1") << quint64(15) << quint64(1) << quint64(1);
    QTest::newRow("one full row") << quint64(16) << quint64(1) << quint64(2);
    QTest::newRow("row + 1") << quint64(17) << quint64(2) << quint64(2);
    QTest::newRow("4 KiB") << quint64(4096) << quint64(256) << quint64(257);
}

// Insert mode: the cursor may stand at fileSize; when that position starts a row, the row counts (scrolling reaches
// it) and holds no bytes; leaving the mode gives the overwrite rows back.
void TestHexLayout::appendPositionRows()
{
    QFETCH(quint64, size);
    QFETCH(quint64, rowsOff);
    QFETCH(quint64, rowsOn);
    HexLayout l = makeLayout(size);
    QCOMPARE(l.rowCount(), rowsOff);
    QCOMPARE(l.lastCursorOffset(), size ? size - 1 : 0);
    l.setAppendPosition(true);
    QCOMPARE(l.rowCount(), rowsOn);
    QCOMPARE(l.lastCursorOffset(), size);
    QCOMPARE(l.rowOf(size), rowsOn - 1);
    const ByteRange last = l.rowRange(rowsOn - 1);
    QCOMPARE(last.end(), size);
    if (size % 16 == 0)
        QCOMPARE(last, (ByteRange{size, 0}));
    QCOMPARE(l.maxFirstRow(1), rowsOn - 1);
    QCOMPARE(l.firstRowToShow(size, 0, 1), rowsOn - 1);
    l.configure(size, 16, 1, testMetrics()); // kept across configure
    QVERIFY(l.hasAppendPosition());
    l.setAppendPosition(false);
    QCOMPARE(l.rowCount(), rowsOff);
}

// A click past the last byte of the last row lands on the append position in insert mode, on the last byte
// otherwise; below the last row too.
void TestHexLayout::appendPositionHitTest()
{
    HexLayout l = makeLayout(250); // last row 15 holds 240..249; the append position is column 10
    auto cell = l.cellAt(QPoint(int(l.xOfHexByte(12)), 15 * 20), 0);
    QCOMPARE(cell->offset, quint64(249));
    l.setAppendPosition(true);
    cell = l.cellAt(QPoint(int(l.xOfHexByte(12)), 15 * 20), 0);
    QCOMPARE(cell->offset, quint64(250));
    QVERIFY(cell->clamped);
    QCOMPARE(cell->nibble, HexLayout::Nibble::High);
    cell = l.cellAt(QPoint(int(l.xOfAsciiByte(10)), 15 * 20), 0); // on the append position's own (empty) cell
    QCOMPARE(cell->offset, quint64(250));
    QVERIFY(!cell->clamped);
    cell = l.cellAt(QPoint(int(l.xOfAsciiByte(2)), 1000 * 20), 0); // far below: the last row, same column
    QCOMPARE(cell->offset, quint64(242));

    HexLayout full = makeLayout(256); // the append position starts row 16
    full.setAppendPosition(true);
    cell = full.cellAt(QPoint(int(full.xOfHexByte(5)), 16 * 20), 0);
    QCOMPARE(cell->offset, quint64(256));
    QVERIFY(cell->clamped);
    cell = full.cellAt(QPoint(int(full.xOfHexByte(0)), 16 * 20), 0);
    QCOMPARE(cell->offset, quint64(256));
    QVERIFY(!cell->clamped);
}

void TestHexLayout::appendPositionEmptyAndHuge()
{
    HexLayout empty = makeLayout(0);
    QVERIFY(!empty.cellAt(QPoint(100, 10), 0));
    empty.setAppendPosition(true);
    const auto cell = empty.cellAt(QPoint(int(empty.xOfHexByte(3)), 10), 0);
    QVERIFY(cell);
    QCOMPARE(cell->offset, quint64(0));
    QCOMPARE(empty.rowRange(0), (ByteRange{0, 0}));

    // The offset column widens for the append position when it needs one digit more.
    HexLayout l = makeLayout(quint64(1) << 32); // last byte 0xFFFFFFFF: 8 digits
    QCOMPARE(l.offsetDigits(), 8);
    l.setAppendPosition(true); // 0x100000000: 9 digits
    QCOMPARE(l.offsetDigits(), 9);
    l.setAppendPosition(false);
    QCOMPARE(l.offsetDigits(), 8);

    // UINT64_MAX bytes: no position after the last byte exists; nothing overflows.
    HexLayout max = makeLayout(UINT64_MAX);
    const std::uint64_t rows = max.rowCount();
    max.setAppendPosition(true);
    QCOMPARE(max.rowCount(), rows);
    QCOMPARE(max.lastCursorOffset(), quint64(UINT64_MAX));
}

// The bar sits at the left edge of the cell it inserts before, in either column, as high as the row, and is thin.
void TestHexLayout::insertCaretRect()
{
    const HexLayout l = makeLayout(100); // charWidth 10: max(2, round(10 / 4)) = 3 px
    QCOMPARE(l.insertCaretWidth(), 3.0);
    for (std::uint64_t offset : {std::uint64_t(0), std::uint64_t(17), std::uint64_t(100)}) {
        for (auto area : {HexLayout::Area::Hex, HexLayout::Area::Ascii}) {
            const QRectF cell = l.byteRect(area, offset, 1);
            const QRectF bar = l.insertCaretRect(area, offset, 1);
            QCOMPARE(bar.left(), cell.left());
            QCOMPARE(bar.top(), cell.top());
            QCOMPARE(bar.height(), cell.height());
            QCOMPARE(bar.width(), 3.0);
        }
    }
    HexLayout wide = makeLayout(100);
    auto m = testMetrics();
    m.charWidth = 16;
    wide.configure(100, 16, 1, m);
    QCOMPARE(wide.insertCaretWidth(), 4.0);
    m.charWidth = 1;
    wide.configure(100, 16, 1, m);
    QCOMPARE(wide.insertCaretWidth(), 1.0); // never wider than a cell
}

QTEST_APPLESS_MAIN(TestHexLayout)
#include "tst_hexlayout.moc"
