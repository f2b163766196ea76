#include "hexviewtesthelpers.h"

#include "ui/view/hexpainter.h"

#include <QClipboard>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdlib>

using namespace hexmap;
using namespace hexmap::testing;

namespace {

constexpr std::uint64_t kTiB = std::uint64_t(1) << 40;

// Expected painted text of one row: offset digits, then " XX" per byte, then two spaces and the ASCII column.
QString rowText(const QByteArray &file, std::uint64_t row, int bpr, int digits)
{
    QString s = QStringLiteral("%1 ").arg(row * std::uint64_t(bpr), digits, 16, QLatin1Char('0')).toUpper();
    const auto begin = qsizetype(row) * bpr;
    const qsizetype end = std::min<qsizetype>(begin + bpr, file.size());
    for (qsizetype i = begin; i < end; ++i)
        s += QStringLiteral(" %1").arg(uchar(file[i]), 2, 16, QLatin1Char('0')).toUpper();
    s += QStringLiteral("  ");
    for (qsizetype i = begin; i < end; ++i) {
        const auto c = uchar(file[i]);
        s += (c >= 0x20 && c < 0x7F) ? QChar(c) : QChar(u'.');
    }
    return s;
}

QColor pixelAt(const QImage &img, QPointF p)
{
    const qreal dpr = img.devicePixelRatio();
    return img.pixelColor(int(p.x() * dpr), int(p.y() * dpr));
}

} // namespace

class TestHexView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void paintsRowsOfASmallFile();
    void cursorAndSelectionArePaintedWhereTheLayoutSays();
    void headerDigitsAreTheCellsGlyphs();
    void bytesPerRowAndGroups();
    void oneTebibyteScrollsToItsEnd_data();
    void oneTebibyteScrollsToItsEnd();
    void scaledBarStepsMoveOneRow();
    void wheelScrollsThreeRowsPerNotch();
    void barFollowsTheTopRowOneWay();
    void copyFormats_data();
    void copyFormats();
    void copyRefusesMoreThanTheLimit();
    void ctrlCCopiesHexText();
    void forwardJumpLandsOnAFullyVisibleRow_data();
    void forwardJumpLandsOnAFullyVisibleRow();
};

void TestHexView::forwardJumpLandsOnAFullyVisibleRow_data()
{
    QTest::addColumn<int>("bytesPerRow"); // 0 = fit to width; 64 in a narrow view adds a horizontal scroll bar
    QTest::addColumn<int>("width");
    QTest::newRow("fit") << 0 << 700;
    QTest::newRow("horizontal bar") << 64 << 400;
}

// Go to (setCursorOffset) a forward offset, whatever the height of the view: the target's row is drawn whole, not
// cut by the bottom edge; the same after the view is made shorter (a dock or the find bar taking room).
void TestHexView::forwardJumpLandsOnAFullyVisibleRow()
{
    QFETCH(int, bytesPerRow);
    QFETCH(int, width);
    HexView view;
    view.setBytesPerRow(bytesPerRow);
    view.resize(width, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFile(makeFile(m_dir.filePath("jump.bin"), ramp(1 << 20)));
    const int rowHeight = view.layout().metrics().lineHeight;
    for (int height = 150; height < 150 + 2 * rowHeight; ++height) {
        view.resize(width, height);
        QCoreApplication::processEvents();
        for (std::uint64_t target : {std::uint64_t(0x8123), std::uint64_t(0x8123 + 0x400), std::uint64_t((1 << 20) - 1)}) {
            view.setCursorOffset(0);
            view.setCursorOffset(target);
            QCoreApplication::processEvents();
            const QRectF cell = view.cellRect(target, HexView::Area::Hex);
            QVERIFY2(cell.top() >= view.headerHeight() && cell.bottom() <= view.viewport()->height(),
                     qPrintable(QStringLiteral("height %1, target 0x%2: row %3..%4 in a viewport of %5")
                                    .arg(height).arg(target, 0, 16).arg(cell.top()).arg(cell.bottom())
                                    .arg(view.viewport()->height())));
        }
        // Shrinking the view by a row keeps the cursor's row whole (it was on the last whole row after a jump).
        view.setCursorOffset(0);
        view.setCursorOffset(0x8123);
        view.resize(width, height - rowHeight);
        QCoreApplication::processEvents();
        const QRectF cell = view.cellRect(0x8123, HexView::Area::Hex);
        QVERIFY2(cell.bottom() <= view.viewport()->height(),
                 qPrintable(QStringLiteral("after shrinking to %1: row bottom %2, viewport %3")
                                .arg(height - rowHeight).arg(cell.bottom()).arg(view.viewport()->height())));
    }
}

void TestHexView::paintsRowsOfASmallFile()
{
    QByteArray bytes = ramp(1000);
    bytes.replace(0, 5, "Hello");
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeFile(m_dir.filePath("small.bin"), bytes));
    paint(view);
    const QStringList rows = hexmap::testing::paintedRowTexts(view);
    const auto visible = view.layout().visibleRows(view.viewport()->height() - view.headerHeight());
    QCOMPARE(rows.size(), qsizetype(visible));
    QCOMPARE(rows.first(), rowText(bytes, 0, 16, 8));
    QVERIFY(rows.first().endsWith(QStringLiteral("Hello...........")));
    QCOMPARE(rows.last(), rowText(bytes, visible - 1, 16, 8));
    QCOMPARE(view.visibleRange(), (ByteRange{0, visible * 16}));

    view.setCursorOffset(999); // last row: 62 (0x3E0), 8 bytes
    paint(view);
    QCOMPARE(hexmap::testing::paintedRowTexts(view).last(), rowText(bytes, 62, 16, 8));
    QVERIFY(hexmap::testing::paintedRowTexts(view).last().startsWith(QStringLiteral("000003E0  E0")));
}

// Issue 19 item 2: the header's digits were drawn with a raw font of the font's family alone (no fallback), which is
// empty boxes when that family has no Latin glyphs (zh_CN with only Droid Sans Fallback), while the cells below
// looked fine. The header's "00" above column 0 must be the very glyphs of the cell "00" of byte 0: the same
// coverage pixel for pixel (colours differ: header ink on the header band, the zero ink on the base).
void TestHexView::headerDigitsAreTheCellsGlyphs()
{
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeFile(m_dir.filePath("header.bin"), ramp(1000))); // byte 0 is 00
    view.setCursorOffset(0x25); // not on byte 0
    const QImage img = paint(view);
    QCOMPARE(img.devicePixelRatio(), 1.0);
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    const QRect cell = view.cellRect(0, HexView::Area::Hex).toAlignedRect();
    const int lineHeight = view.layout().metrics().lineHeight;
    const int headerTop = std::max(0, (view.headerHeight() - 1 - lineHeight) / 2);
    const auto coverage = [&img](int x, int y, const QColor &ink, const QColor &bg) {
        const QColor p = img.pixelColor(x, y);
        const int full = std::max({std::abs(ink.red() - bg.red()), std::abs(ink.green() - bg.green()),
                                   std::abs(ink.blue() - bg.blue()), 1});
        const int d = std::max({std::abs(p.red() - bg.red()), std::abs(p.green() - bg.green()),
                                std::abs(p.blue() - bg.blue())});
        return double(d) / full;
    };
    int inked = 0;
    int differ = 0;
    for (int y = 0; y < lineHeight; ++y)
        for (int x = cell.left(); x < cell.left() + cell.width(); ++x) {
            const bool inHeader = coverage(x, headerTop + y, colors.headerText, colors.header) > 0.5;
            const bool inCell = coverage(x, cell.top() + y, colors.zero, colors.base) > 0.5;
            inked += inCell;
            differ += inHeader != inCell;
        }
    QVERIFY2(inked >= 10, qPrintable(QString::number(inked))); // "00" has strokes
    QVERIFY2(differ <= 2, qPrintable(QStringLiteral("%1 of %2 inked pixels differ").arg(differ).arg(inked)));
}

void TestHexView::cursorAndSelectionArePaintedWhereTheLayoutSays()
{
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeFile(m_dir.filePath("cells.bin"), ramp(1000)));
    const auto colors = HexPainter::Colors::fromPalette(view.palette());
    view.setCursorOffset(0x25);
    QImage img = paint(view);
    // The active (hex) cursor is a solid block: a corner pixel of the byte's cell has the cursor colour.
    const QRectF hex = view.cellRect(0x25, HexView::Area::Hex);
    QCOMPARE(hex.topLeft(), view.layout().byteRect(HexLayout::Area::Hex, 0x25, 0).topLeft()
                                + QPointF(0, view.headerHeight()));
    QCOMPARE(pixelAt(img, hex.topLeft() + QPointF(1, 1)), colors.cursor);
    // The neighbours are not: background there.
    QCOMPARE(pixelAt(img, view.cellRect(0x26, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base);
    // The other column's cursor is an outline: its border is drawn, its inside is not filled.
    const QRectF ascii = view.cellRect(0x25, HexView::Area::Ascii);
    QCOMPARE(pixelAt(img, QPointF(qRound(ascii.left()), ascii.center().y())), colors.cursor);
    QCOMPARE(pixelAt(img, ascii.center() + QPointF(0, ascii.height() / 2 - 2)), colors.base);
    // The glyphs of the byte are drawn inside the cell (not the cursor colour everywhere).
    bool glyph = false;
    for (int y = int(hex.top()); y < int(hex.bottom()); ++y)
        for (int x = int(hex.left()); x < int(hex.right()); ++x)
            glyph = glyph || pixelAt(img, QPointF(x, y)) != colors.cursor;
    QVERIFY(glyph);

    // Selection [0x30, 0x43): Highlight on both columns of the selected bytes, base right after.
    view.setCursorArea(HexView::Area::Ascii);
    view.setCursorOffset(0x30);
    view.setCursorOffset(0x42, true);
    QCOMPARE(view.selection(), (ByteRange{0x30, 0x13}));
    img = paint(view);
    for (std::uint64_t o : {0x30, 0x38, 0x3F, 0x40, 0x41}) {
        QCOMPARE(pixelAt(img, view.cellRect(o, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.highlight);
        QCOMPARE(pixelAt(img, view.cellRect(o, HexView::Area::Ascii).topLeft() + QPointF(1, 1)), colors.highlight);
    }
    QCOMPARE(pixelAt(img, view.cellRect(0x42, HexView::Area::Ascii).topLeft() + QPointF(1, 1)), colors.cursor);
    QCOMPARE(pixelAt(img, view.cellRect(0x43, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base);
    QCOMPARE(pixelAt(img, view.cellRect(0x2F, HexView::Area::Ascii).topLeft() + QPointF(1, 1)), colors.base);

    // A highlight tints its range.
    view.setSelection(ByteRange{});
    view.setHighlights(HighlightLayer::Search, {Highlight{ByteRange{0x50, 4}, QColor(0, 200, 0)}});
    img = paint(view);
    QCOMPARE(pixelAt(img, view.cellRect(0x53, HexView::Area::Hex).topLeft() + QPointF(1, 1)), QColor(0, 200, 0));
    QCOMPARE(pixelAt(img, view.cellRect(0x54, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base);

    // Layers are independent: setting the job tints keeps the search marks; jobs draw on top where they overlap.
    view.setHighlights(HighlightLayer::Bookmarks, {Highlight{ByteRange{0x60, 2}, QColor(200, 0, 200)}});
    view.setHighlights(HighlightLayer::Jobs, {Highlight{ByteRange{0x52, 8}, QColor(0, 0, 200)}});
    QCOMPARE(view.highlights().size(), std::size_t(3));
    QCOMPARE(view.highlights(HighlightLayer::Search).size(), std::size_t(1));
    img = paint(view);
    QCOMPARE(pixelAt(img, view.cellRect(0x51, HexView::Area::Hex).topLeft() + QPointF(1, 1)), QColor(0, 200, 0));
    QCOMPARE(pixelAt(img, view.cellRect(0x52, HexView::Area::Hex).topLeft() + QPointF(1, 1)), QColor(0, 0, 200));
    QCOMPARE(pixelAt(img, view.cellRect(0x61, HexView::Area::Ascii).topLeft() + QPointF(1, 1)), QColor(200, 0, 200));
    view.setHighlights(HighlightLayer::Jobs, {});
    img = paint(view);
    QCOMPARE(pixelAt(img, view.cellRect(0x53, HexView::Area::Hex).topLeft() + QPointF(1, 1)), QColor(0, 200, 0));
    QCOMPARE(pixelAt(img, view.cellRect(0x54, HexView::Area::Hex).topLeft() + QPointF(1, 1)), colors.base);
}

void TestHexView::bytesPerRowAndGroups()
{
    HexView view;
    view.resize(1920, 400);
    view.show();
    view.setFile(makeFile(m_dir.filePath("bpr.bin"), ramp(4096)));
    QCOMPARE(view.bytesPerRow(), 16);
    for (int bpr : {8, 32, 64}) {
        view.setBytesPerRow(bpr);
        QCOMPARE(view.bytesPerRow(), bpr);
    }
    view.setGroupSize(4);
    QCOMPARE(view.groupSize(), 4);
    paint(view);
    QCOMPARE(hexmap::testing::paintedRowTexts(view).first().left(8), QStringLiteral("00000000"));
    view.setBytesPerRow(0); // fit to width
    QCOMPARE(view.bytesPerRow(), 64);
    QVERIFY(view.layout().totalWidth() <= view.viewport()->width());
    view.resize(500, 400);
    view.show();
    QVERIFY(view.bytesPerRow() < 64);
    QVERIFY(view.layout().totalWidth() <= view.viewport()->width());
    view.setCursorOffset(0x200); // the top row keeps showing the byte it showed through a re-layout
    view.setBytesPerRow(16);
    QVERIFY(view.visibleRange().contains(0x200));
}

void TestHexView::oneTebibyteScrollsToItsEnd_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("scroll bar maximum") << "bar";
    QTest::newRow("Ctrl+End") << "key";
    QTest::newRow("setCursorOffset") << "cursor";
    QTest::newRow("scrollToOffset") << "scroll";
}

void TestHexView::oneTebibyteScrollsToItsEnd()
{
    QFETCH(QString, how);
    HexView view;
    view.resize(900, 400);
    view.show();
    view.setFile(makeSparseFile(m_dir.filePath("tib.bin"), kTiB));
    QVERIFY(view.verticalScrollBar()->maximum() > 0);
    if (how == "bar") {
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    } else if (how == "key") {
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view.cursorOffset(), kTiB - 1);
    } else if (how == "cursor") {
        view.setCursorOffset(kTiB - 1);
        QCOMPARE(view.cursorOffset(), kTiB - 1);
    } else {
        view.scrollToOffset(kTiB - 1);
    }
    QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    const QImage img = paint(view);
    const QStringList rows = hexmap::testing::paintedRowTexts(view);
    QVERIFY(!rows.isEmpty());
    QVERIFY2(rows.last().startsWith(QStringLiteral("FFFFFFFFF0  00")), qPrintable(rows.last()));
    QCOMPARE(view.visibleRange().end(), kTiB);
    if (how == "key" || how == "cursor") {
        const auto colors = HexPainter::Colors::fromPalette(view.palette());
        const QRectF cell = view.cellRect(kTiB - 1, HexView::Area::Hex);
        QVERIFY(view.viewport()->rect().contains(cell.toRect()));
        QCOMPARE(pixelAt(img, cell.topLeft() + QPointF(1, 1)), colors.cursor);
    }
}

void TestHexView::scaledBarStepsMoveOneRow()
{
    HexView view;
    view.resize(900, 400);
    view.show();
    view.setFile(makeSparseFile(m_dir.filePath("tib2.bin"), kTiB));
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(view.layout().scroller(view.pageRows()).isScaled());
    bar->setValue(bar->maximum() / 2);
    const std::uint64_t mid = view.firstRow();
    QVERIFY(mid > 1000000);
    bar->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(view.firstRow(), mid + 1);
    bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QCOMPARE(view.firstRow(), mid + 1 + view.pageRows());
    bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
    QCOMPARE(view.firstRow(), mid + view.pageRows());
    QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view.firstRow(), 0u);
    QCOMPARE(bar->value(), 0);
}

void TestHexView::wheelScrollsThreeRowsPerNotch()
{
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeFile(m_dir.filePath("wheel.bin"), ramp(4096)));
    const QPointF pos(100, 100);
    QWheelEvent down(pos, view.mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &down);
    QCOMPARE(view.firstRow(), 3u);
    QCOMPARE(view.topOffset(), 48u);
}

// The bar only follows m_firstRow: a relayout whose new bar range is below the old value must not let Qt's clamp
// move the view (the top row keeps the old top offset), and a value set from outside (a drag, "Scroll here")
// still moves the view, while the view's own setValue of the same value does not feed back.
void TestHexView::barFollowsTheTopRowOneWay()
{
    HexView view;
    view.resize(900, 400);
    view.show();
    view.setFile(makeSparseFile(m_dir.filePath("oneway.bin"), 1u << 20));
    view.setBytesPerRow(16);
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(!view.layout().scroller(view.pageRows()).isScaled());
    view.scrollToOffset(500000);
    QCOMPARE(view.topOffset(), 500000u / 16 * 16);
    const int oldValue = bar->value();
    view.setBytesPerRow(64); // the new range ends below the old value
    QVERIFY2(bar->maximum() < oldValue, "the test needs a relayout that shrinks the bar below its value");
    QCOMPARE(view.topOffset(), 500000u / 64 * 64);
    QCOMPARE(bar->value(), int(view.firstRow()));
    view.setBytesPerRow(16); // and back: the range grows past the value
    QCOMPARE(view.topOffset(), 500000u / 64 * 64);
    QCOMPARE(bar->value(), int(view.firstRow()));

    QSignalSpy visible(&view, &HexView::visibleRangeChanged);
    bar->setValue(100); // from outside: the view follows
    QCOMPARE(view.firstRow(), 100u);
    QCOMPARE(visible.size(), 1);
    view.scrollToOffset(200 * 16); // the view's own move sets the bar once, and nothing moves back
    QCOMPARE(bar->value(), 200);
    QCOMPARE(view.firstRow(), 200u);
    QCOMPARE(visible.size(), 2);
}

void TestHexView::copyFormats_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hex") << int(HexView::CopyFormat::HexText) << QByteArray("\xDE\xAD\xBE\xEF", 4)
                         << "DE AD BE EF";
    QTest::newRow("hex one byte") << int(HexView::CopyFormat::HexText) << QByteArray("\x00", 1) << "00";
    QTest::newRow("c array") << int(HexView::CopyFormat::CArray) << QByteArray("\x01\x02\xFF", 3)
                             << "const unsigned char data[3] = {\n    0x01, 0x02, 0xFF\n};\n";
    QTest::newRow("c array two lines") << int(HexView::CopyFormat::CArray) << ramp(13)
                                       << "const unsigned char data[13] = {\n    0x00, 0x01, 0x02, 0x03, 0x04, "
                                          "0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B,\n    0x0C\n};\n";
    QTest::newRow("raw text") << int(HexView::CopyFormat::RawText) << QByteArray("Hello, world") << "Hello, world";
}

void TestHexView::copyFormats()
{
    QFETCH(int, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeFile(m_dir.filePath("copy.bin"), QByteArray("xx") + bytes + QByteArray("yy")));
    if (bytes.size() == 1) {
        view.setCursorOffset(2); // no selection: the byte at the cursor
    } else {
        view.setSelection(ByteRange{2, std::uint64_t(bytes.size())});
    }
    QSignalSpy status(&view, &HexView::statusMessage);
    QVERIFY(view.copySelection(HexView::CopyFormat(format)));
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    QCOMPARE(status.count(), 1);
    if (HexView::CopyFormat(format) == HexView::CopyFormat::RawText)
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->data("application/octet-stream"), bytes);
}

void TestHexView::copyRefusesMoreThanTheLimit()
{
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeSparseFile(m_dir.filePath("big.bin"), HexView::CopyLimit + 1));
    QGuiApplication::clipboard()->setText(QStringLiteral("untouched"));
    QSignalSpy status(&view, &HexView::statusMessage);
    view.setSelection(ByteRange{0, HexView::CopyLimit}); // exactly the limit is allowed
    QVERIFY(view.copySelection(HexView::CopyFormat::HexText));
    QCOMPARE(QGuiApplication::clipboard()->text().size(), qsizetype(HexView::CopyLimit * 3 - 1));
    QGuiApplication::clipboard()->setText(QStringLiteral("untouched"));
    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier); // select all: limit + 1
    QCOMPARE(view.selection(), (ByteRange{0, HexView::CopyLimit + 1}));
    status.clear();
    QVERIFY(!view.copySelection(HexView::CopyFormat::CArray));
    QCOMPARE(status.count(), 1);
    const QString message = status.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("limited to 16.00 MiB")), qPrintable(message));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("untouched"));
}

void TestHexView::ctrlCCopiesHexText()
{
    HexView view;
    view.resize(800, 300);
    view.show();
    view.setFile(makeFile(m_dir.filePath("ctrlc.bin"), ramp(64)));
    view.setCursorOffset(0x10);
    view.setCursorOffset(0x12, true);
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("10 11 12"));
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
