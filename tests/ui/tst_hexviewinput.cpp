#include "hexviewtesthelpers.h"

#include <QKeySequence>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace hexmap;
using namespace hexmap::testing;

namespace {
constexpr int kFileSize = 1000; // 62.5 rows of 16
}

class TestHexViewInput : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MappedFile m_file;

private slots:
    void initTestCase() { m_file = makeFile(m_dir.filePath("input.bin"), ramp(kFileSize)); }
    void keys_data();
    void keys();
    void tabSwitchesArea();
    void clickAndShiftClick();
    void clickInAsciiColumn();
    void dragSelects();
    void doubleClickSelectsGroup();
    void dragBelowTheViewportAutoScrolls();
};

void TestHexViewInput::keys_data()
{
    // Keys, then the expected cursor = cursorBase + cursorPages * pageRows * 16, and the selection.
    QTest::addColumn<QString>("keys");
    QTest::addColumn<qint64>("cursorBase");
    QTest::addColumn<int>("cursorPages");
    QTest::addColumn<qint64>("selOffset");
    QTest::addColumn<qint64>("selSize");
    QTest::newRow("right") << "Right" << 1LL << 0 << 1LL << 0LL;
    QTest::newRow("left at 0 stays") << "Left" << 0LL << 0 << 0LL << 0LL;
    QTest::newRow("up at 0 stays") << "Up" << 0LL << 0 << 0LL << 0LL;
    QTest::newRow("down down up") << "Down,Down,Up" << 16LL << 0 << 16LL << 0LL;
    QTest::newRow("end of row") << "End" << 15LL << 0 << 15LL << 0LL;
    QTest::newRow("home of row") << "Down,Right,Right,Home" << 16LL << 0 << 16LL << 0LL;
    QTest::newRow("ctrl+end last byte") << "Ctrl+End" << 999LL << 0 << 999LL << 0LL;
    QTest::newRow("end on short last row") << "Ctrl+End,Home,End" << 999LL << 0 << 999LL << 0LL;
    QTest::newRow("home on last row") << "Ctrl+End,Home" << 992LL << 0 << 992LL << 0LL;
    QTest::newRow("down past the end clamps") << "Ctrl+End,Up,Down,Down" << 999LL << 0 << 999LL << 0LL;
    QTest::newRow("ctrl+home") << "Ctrl+End,Ctrl+Home" << 0LL << 0 << 0LL << 0LL;
    QTest::newRow("shift+right") << "Shift+Right" << 1LL << 0 << 0LL << 2LL;
    QTest::newRow("shift back and forth") << "Shift+Right,Shift+Right,Shift+Left" << 1LL << 0 << 0LL << 2LL;
    QTest::newRow("shift left of anchor") << "Right,Right,Shift+Left,Shift+Left" << 0LL << 0 << 0LL << 3LL;
    QTest::newRow("shift+down") << "Right,Shift+Down" << 17LL << 0 << 1LL << 17LL;
    QTest::newRow("arrow collapses") << "Shift+Right,Right" << 2LL << 0 << 2LL << 0LL;
    QTest::newRow("shift+end of row") << "Right,Shift+End" << 15LL << 0 << 1LL << 15LL;
    QTest::newRow("ctrl+shift+end") << "Ctrl+Shift+End" << 999LL << 0 << 0LL << 1000LL;
    QTest::newRow("ctrl+a keeps cursor") << "Right,Ctrl+A" << 1LL << 0 << 0LL << 1000LL;
    QTest::newRow("page down") << "PgDown" << 0LL << 1 << -1LL << 0LL;
    QTest::newRow("page down twice up") << "Right,PgDown,PgDown,PgUp" << 1LL << 1 << -1LL << 0LL;
    QTest::newRow("shift+page down") << "Shift+PgDown" << 0LL << 1 << 0LL << -1LL;
}

void TestHexViewInput::keys()
{
    QFETCH(QString, keys);
    QFETCH(qint64, cursorBase);
    QFETCH(int, cursorPages);
    QFETCH(qint64, selOffset);
    QFETCH(qint64, selSize);
    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(m_file);
    QSignalSpy moved(&view, &HexView::cursorMoved);
    for (const QString &k : keys.split(u',')) {
        const QKeyCombination combo = QKeySequence::fromString(k)[0];
        QVERIFY2(combo.key() != Qt::Key_unknown, qPrintable(k));
        QTest::keyClick(&view, combo.key(), combo.keyboardModifiers());
    }
    const auto expected = std::uint64_t(cursorBase) + std::uint64_t(cursorPages) * view.pageRows() * 16;
    QCOMPARE(view.cursorOffset(), expected);
    // -1: "the cursor" for an empty selection, "cursor + 1" as the size of a shift-selection from 0.
    const auto offset = selOffset < 0 ? expected : std::uint64_t(selOffset);
    const auto size = selSize < 0 ? expected + 1 : std::uint64_t(selSize);
    QCOMPARE(view.selection(), (ByteRange{offset, size}));
    if (expected != 0)
        QCOMPARE(moved.last().at(0).value<std::uint64_t>(), expected);
    QVERIFY(view.visibleRange().contains(view.cursorOffset())); // always scrolled into view
}

void TestHexViewInput::tabSwitchesArea()
{
    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(m_file);
    QCOMPARE(view.cursorArea(), HexView::Area::Hex);
    QTest::keyClick(&view, Qt::Key_Tab);
    QCOMPARE(view.cursorArea(), HexView::Area::Ascii);
    QTest::keyClick(&view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(view.cursorArea(), HexView::Area::Hex);
}

void TestHexViewInput::clickAndShiftClick()
{
    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(m_file);
    click(view, view.cellRect(0x25, HexView::Area::Hex).center());
    QCOMPARE(view.cursorOffset(), 0x25u);
    QVERIFY(view.selection().isEmpty());
    click(view, view.cellRect(0x47, HexView::Area::Hex).center(), Qt::ShiftModifier);
    QCOMPARE(view.cursorOffset(), 0x47u);
    QCOMPARE(view.selection(), (ByteRange{0x25, 0x23}));
    click(view, view.cellRect(0x10, HexView::Area::Hex).center(), Qt::ShiftModifier); // before the anchor
    QCOMPARE(view.selection(), (ByteRange{0x10, 0x16}));
    click(view, view.cellRect(0x30, HexView::Area::Hex).center()); // a plain click collapses
    QCOMPARE(view.selection(), (ByteRange{0x30, 0}));
}

void TestHexViewInput::clickInAsciiColumn()
{
    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(m_file);
    click(view, view.cellRect(0x33, HexView::Area::Ascii).center());
    QCOMPARE(view.cursorOffset(), 0x33u);
    QCOMPARE(view.cursorArea(), HexView::Area::Ascii);
    click(view, view.cellRect(0x34, HexView::Area::Hex).center());
    QCOMPARE(view.cursorArea(), HexView::Area::Hex);
}

void TestHexViewInput::dragSelects()
{
    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(m_file);
    QSignalSpy changed(&view, &HexView::selectionChanged);
    const QPointF a = view.cellRect(0x22, HexView::Area::Hex).center();
    sendMouse(view, QEvent::MouseButtonPress, a, Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, a + QPointF(1, 0), Qt::LeftButton); // same byte: nothing selected
    QVERIFY(view.selection().isEmpty());
    const QPointF b = view.cellRect(0x55, HexView::Area::Hex).center();
    sendMouse(view, QEvent::MouseMove, b, Qt::LeftButton);
    sendMouse(view, QEvent::MouseButtonRelease, b, Qt::NoButton);
    QCOMPARE(view.selection(), (ByteRange{0x22, 0x34}));
    QCOMPARE(view.cursorOffset(), 0x55u);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).value<ByteRange>(), (ByteRange{0x22, 0x34}));
}

void TestHexViewInput::doubleClickSelectsGroup()
{
    HexView view;
    view.resize(700, 300);
    view.show();
    view.setFile(m_file);
    view.setGroupSize(4);
    const QPointF p = view.cellRect(0x26, HexView::Area::Hex).center();
    sendMouse(view, QEvent::MouseButtonPress, p, Qt::LeftButton);
    sendMouse(view, QEvent::MouseButtonRelease, p, Qt::NoButton);
    sendMouse(view, QEvent::MouseButtonDblClick, p, Qt::LeftButton);
    sendMouse(view, QEvent::MouseButtonRelease, p, Qt::NoButton);
    QCOMPARE(view.selection(), (ByteRange{0x24, 4}));
    QCOMPARE(view.cursorOffset(), 0x24u);
}

void TestHexViewInput::dragBelowTheViewportAutoScrolls()
{
    HexView view;
    view.resize(700, 200);
    view.show();
    view.setFile(m_file);
    const QPointF a = view.cellRect(0x02, HexView::Area::Hex).center();
    sendMouse(view, QEvent::MouseButtonPress, a, Qt::LeftButton);
    const QPointF below(a.x(), view.viewport()->height() + 5);
    sendMouse(view, QEvent::MouseMove, below, Qt::LeftButton);
    QTRY_VERIFY(view.firstRow() >= 3); // the timer scrolls while the mouse stays outside
    QVERIFY(view.selection().offset == 2);
    QVERIFY(view.selection().end() > view.layout().rowStart(view.firstRow()));
    QTRY_COMPARE(view.visibleRange().end(), std::uint64_t(kFileSize)); // reaches the end and stops there
    QTRY_COMPARE(view.cursorOffset(), view.layout().rowStart(view.layout().rowCount() - 1) + 2);
    sendMouse(view, QEvent::MouseButtonRelease, below, Qt::NoButton);
    const std::uint64_t first = view.firstRow();
    view.scrollToOffset(0);
    QCOMPARE(view.firstRow(), 0u);
    for (const QTimer *timer : view.findChildren<QTimer *>())
        QVERIFY(!timer->isActive()); // no auto-scroll left running after the release
    QVERIFY(first > 0);
}

QTEST_MAIN(TestHexViewInput)
#include "tst_hexviewinput.moc"
