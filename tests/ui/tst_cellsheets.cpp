// CellSheets keeps the last sheet and a few before it (a row of scattered edits alternates between sheets on every
// byte): a long random sequence of cells over more ink/background pairs than it keeps at once must draw exactly what
// a fresh CellSheets draws for each cell alone, also across the drop of every sheet at kMaxSheets.
#include "ui/view/cellsheets.h"

#include <QFontDatabase>
#include <QImage>
#include <QRandomGenerator>
#include <QTest>

using namespace hexmap;

class TestCellSheets : public QObject
{
    Q_OBJECT
private slots:
    void recentSheetsDrawTheRightCells_data();
    void recentSheetsDrawTheRightCells();
};

void TestCellSheets::recentSheetsDrawTheRightCells_data()
{
    QTest::addColumn<int>("pairs");
    QTest::newRow("2 pairs (edited and plain)") << 2;
    QTest::newRow("7 pairs (more than kept)") << 7;
    QTest::newRow("70 pairs (past kMaxSheets)") << CellSheets::kMaxSheets + 6;
}

void TestCellSheets::recentSheetsDrawTheRightCells()
{
    QFETCH(int, pairs);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    constexpr int kCell = 8, kHeight = 14, kCells = 600;
    const auto configure = [&](CellSheets &s) { s.configure(font, 1.0, kCell, kHeight, 11.0); };
    CellSheets shared;
    configure(shared);
    QImage drawn(kCell * kCells, kHeight, QImage::Format_RGB32);
    QImage expected(kCell * kCells, kHeight, QImage::Format_RGB32);
    drawn.fill(Qt::black);
    expected.fill(Qt::black);
    const CellSheets::Target a{drawn.bits(), drawn.bytesPerLine(), drawn.width()};
    const CellSheets::Target b{expected.bits(), expected.bytesPerLine(), expected.width()};
    QRandomGenerator rng(15);
    for (int i = 0; i < kCells; ++i) {
        const int pair = int(rng.bounded(pairs));
        const QRgb ink = qRgb(20 + pair * 3, 200 - pair, 40 + pair);
        const QRgb background = qRgb(250 - pair * 2, 240, 10 + pair * 3);
        const char c = char(0x21 + rng.bounded(0x5E));
        shared.put(a, i * kCell, c, ink, background);
        CellSheets fresh;
        configure(fresh);
        fresh.put(b, i * kCell, c, ink, background);
    }
    QVERIFY(shared.sheetCount() <= CellSheets::kMaxSheets);
    QCOMPARE(drawn, expected);
}

QTEST_MAIN(TestCellSheets)
#include "tst_cellsheets.moc"
