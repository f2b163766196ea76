// The compare window (issue 17, GUI): CompareNavigator's math (next / previous / at / visible runs / the offset
// mapping), then the real CompareWindow on two files: the compare runs in the background and its runs equal the
// byte-loop reference, both views are tinted on the runs they show, F6 / Shift+F6 move both cursors, scrolling A
// scrolls B to the aligned offset, the Differences list goes to its row, "Start in B" re-aligns shifted data,
// and a file that cannot be opened is refused with a message naming it.
#include "../core/comparereference.h"
#include "ui/compare/comparejob.h"
#include "ui/compare/comparenavigator.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/comparefeature.h"
#include "ui/compare/comparepane.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/document/editcommand.h"
#include "ui/pane/overviewmap.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QSettings>
#include <QStandardPaths>

#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap;
using comparetest::randomBytes;
using comparetest::referenceRuns;
using comparetest::writeSparse;

class TestCompareWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void navigatorMath();
    void windowComparesAndNavigates();
    void startInBRealigns();
    void scrollLockKeepsTheAlignedByteOnTheCursorRow_data();
    void scrollLockKeepsTheAlignedByteOnTheCursorRow();
    void unopenableFileIsRefused();
    void fileMenuComparesTheCurrentTab();
    void unsavedEditsOfBothTabsAreCompared();

private:
    std::unique_ptr<CompareWindow> openWindow(const QByteArray &a, const QByteArray &b)
    {
        const QString pa = m_dir.filePath(QStringLiteral("a.bin")), pb = m_dir.filePath(QStringLiteral("b.bin"));
        if (!writeSparse(pa, a) || !writeSparse(pb, b))
            return nullptr;
        QString error;
        std::unique_ptr<CompareWindow> w(CompareWindow::open(pa.toStdString(), pb.toStdString(), nullptr, &error));
        if (w) {
            w->setAttribute(Qt::WA_DeleteOnClose, false);
            w->show();
        }
        return w;
    }
    QTemporaryDir m_dir;
};

void TestCompareWindow::navigatorMath()
{
    CompareResult r;
    r.offsetA = 100;
    r.offsetB = 40; // B = A - 60
    r.runs = {{110, 2}, {200, 10}, {500, 1}};
    const CompareNavigator n(r);
    QCOMPARE(n.toB(110), std::uint64_t(50));
    QCOMPARE(n.toA(50), std::uint64_t(110));
    QCOMPARE(n.toB(10), std::uint64_t(0)); // clamped, never wraps
    QCOMPARE(n.next(0), std::optional<std::size_t>(0));
    QCOMPARE(n.next(110), std::optional<std::size_t>(1));
    QCOMPARE(n.next(500), std::optional<std::size_t>());
    QCOMPARE(n.previous(110), std::optional<std::size_t>());
    QCOMPARE(n.previous(201), std::optional<std::size_t>(1));
    QCOMPARE(n.previous(100000), std::optional<std::size_t>(2));
    QCOMPARE(n.at(209), std::optional<std::size_t>(1));
    QCOMPARE(n.at(210), std::optional<std::size_t>());
    const auto visible = n.runsIn({111, 90}); // [111, 201): the end of run 0 and the start of run 1
    QCOMPARE(visible.size(), std::size_t(2));
    QCOMPARE(visible[0], (ByteRange{110, 2}));
    QCOMPARE(visible[1], (ByteRange{200, 10}));
    QCOMPARE(n.runsIn({112, 88}).size(), std::size_t(0));
}

void TestCompareWindow::windowComparesAndNavigates()
{
    const QByteArray a = randomBytes(256 << 10, 1);
    QByteArray b = a;
    for (int at : {5000, 70001, 200000}) // three runs of 3 bytes
        for (int k = 0; k < 3; ++k)
            b[at + k] = static_cast<char>(b[at + k] ^ 0x55);
    auto w = openWindow(a, b);
    QVERIFY(w);
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->navigator().count() > 0, 10000);
    const auto expected = referenceRuns(a, 0, b, 0, a.size());
    QCOMPARE(w->navigator().runs(), expected);
    QVERIFY2(w->statusText().contains(QStringLiteral("3")), qPrintable(w->statusText()));

    w->goToNext(); // F6's slot: the first run
    QCOMPARE(w->viewA()->cursorOffset(), std::uint64_t(5000));
    QCOMPARE(w->viewB()->cursorOffset(), std::uint64_t(5000));
    QCOMPARE(w->viewA()->selection(), (ByteRange{5000, 3}));
    // The tint covers the run in both views.
    for (HexView *v : {w->viewA(), w->viewB()}) {
        const auto &marks = v->highlights(HighlightLayer::Search);
        QVERIFY(std::any_of(marks.begin(), marks.end(), [](const Highlight &h) { return h.range == ByteRange{5000, 3}; }));
    }
    QTest::keyClick(w->viewA(), Qt::Key_F6);
    QCOMPARE(w->viewA()->cursorOffset(), std::uint64_t(70001));
    QTest::keyClick(w->viewA(), Qt::Key_F6, Qt::ShiftModifier);
    QCOMPARE(w->viewB()->cursorOffset(), std::uint64_t(5000));
    // Scrolling A scrolls B to the same row.
    w->viewA()->scrollToOffset(160000);
    QCOMPARE(w->viewB()->topOffset(), w->viewA()->topOffset());
    // The list goes to its row.
    auto *list = w->findChild<QTableView *>(QStringLiteral("compareDifferences"));
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 3);
    QCOMPARE(list->model()->index(2, 0).data().toString(), QStringLiteral("0x30D40"));
    w->goToRun(2);
    QCOMPARE(w->viewA()->cursorOffset(), std::uint64_t(200000));
    QCOMPARE(list->currentIndex().row(), 2);
}

void TestCompareWindow::startInBRealigns()
{
    const QByteArray a = randomBytes(64 << 10, 2);
    const QByteArray b = QByteArray("INSERTED") + a; // B = 8 bytes, then A
    auto w = openWindow(a, b);
    QVERIFY(w);
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && !w->statusText().startsWith(QStringLiteral("Comparing")), 10000);
    QVERIFY(w->navigator().count() > 0); // unaligned: nearly everything differs
    const auto edits = w->findChildren<QLineEdit *>();
    QCOMPARE(edits.size(), 2);
    edits[1]->setText(QStringLiteral("8"));
    QVERIFY(w->compareAgain());
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().count(), std::size_t(0));
    QVERIFY2(w->statusText().startsWith(QStringLiteral("Equal")), qPrintable(w->statusText()));
    QCOMPARE(w->navigator().toB(0), std::uint64_t(8));
    w->viewA()->scrollToOffset(4096);
    QCOMPARE(w->viewB()->topOffset(), std::uint64_t(4096)); // the row holding 4104
    edits[1]->setText(QStringLiteral("nonsense"));
    QVERIFY(!w->compareAgain());
    QVERIFY2(w->statusText().contains(QStringLiteral("nonsense")), qPrintable(w->statusText()));
}

void TestCompareWindow::scrollLockKeepsTheAlignedByteOnTheCursorRow_data()
{
    QTest::addColumn<int>("shift");
    QTest::addColumn<bool>("shiftA"); // the inserted bytes are in A (Start in A) rather than in B
    for (int shift : {1, 15, 16, 17}) {
        QTest::addRow("B +%d", shift) << shift << false;
        QTest::addRow("A +%d", shift) << shift << true;
    }
}

void TestCompareWindow::scrollLockKeepsTheAlignedByteOnTheCursorRow()
{
    // One side holds `shift` inserted bytes; compared with that start, for any cursor column the byte under one
    // view's cursor and its aligned byte in the other view are on the same screen row, the other cursor on it.
    QFETCH(int, shift);
    QFETCH(bool, shiftA);
    const QByteArray data = randomBytes(256 << 10, 3);
    const QByteArray longer = randomBytes(shift, 4) + data;
    auto w = openWindow(shiftA ? longer : data, shiftA ? data : longer);
    QVERIFY(w);
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning(), 10000);
    const auto edits = w->findChildren<QLineEdit *>();
    QCOMPARE(edits.size(), 2);
    edits[shiftA ? 0 : 1]->setText(QString::number(shift));
    QVERIFY(w->compareAgain());
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().count(), std::size_t(0));
    const auto screenRow = [](HexView *v, std::uint64_t offset) {
        return qint64(offset / std::uint64_t(v->bytesPerRow())) - qint64(v->firstRow());
    };
    const auto check = [&](HexView *lead, HexView *other, std::uint64_t at) {
        const std::uint64_t aligned = lead == w->viewA() ? w->navigator().toB(at) : w->navigator().toA(at);
        QCOMPARE(lead->cursorOffset(), at);
        QCOMPARE(other->cursorOffset(), aligned);
        QVERIFY(lead->visibleRange().contains(at));
        QCOMPARE(screenRow(other, aligned), screenRow(lead, at));
    };
    for (HexView *lead : {w->viewA(), w->viewB()}) {
        HexView *other = lead == w->viewA() ? w->viewB() : w->viewA();
        for (std::uint64_t at : {std::uint64_t(100000), std::uint64_t(100015), std::uint64_t(100016 - shift % 16),
                                 std::uint64_t(100031 - shift % 16), std::uint64_t(200007)}) {
            lead->setCursorOffset(at); // a jump: both views scroll
            check(lead, other, at);
        }
        // Keys move the cursor across columns and rows, the wheel scrolls with the cursor on screen.
        for (Qt::Key key : {Qt::Key_Right, Qt::Key_Right, Qt::Key_Down, Qt::Key_Left, Qt::Key_PageDown, Qt::Key_Up}) {
            const std::uint64_t before = lead->cursorOffset();
            QTest::keyClick(lead, key);
            QVERIFY(lead->cursorOffset() != before);
            check(lead, other, lead->cursorOffset());
        }
        lead->scrollByRows(-2);
        check(lead, other, lead->cursorOffset());
    }
}

void TestCompareWindow::unopenableFileIsRefused()
{
    const QString pa = m_dir.filePath(QStringLiteral("ok.bin"));
    QVERIFY(writeSparse(pa, "abc"));
    QString error;
    QVERIFY(!CompareWindow::open(pa.toStdString(), m_dir.path().toStdString(), nullptr, &error));
    QVERIFY2(error.contains(m_dir.path()), qPrintable(error));
    QVERIFY(!CompareWindow::open(pa.toStdString(), m_dir.filePath(QStringLiteral("missing")).toStdString(), nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
}

void TestCompareWindow::fileMenuComparesTheCurrentTab()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_comparewindow"));
    QSettings().clear();
    const QString pa = m_dir.filePath(QStringLiteral("tab-a.bin")), pb = m_dir.filePath(QStringLiteral("tab-b.bin"));
    QByteArray a = randomBytes(8192, 9);
    QByteArray b = a;
    b[100] = static_cast<char>(b[100] ^ 1);
    QVERIFY(writeSparse(pa, a) && writeSparse(pb, b));
    MainWindow window;
    auto *feature = window.findChild<CompareFeature *>();
    QVERIFY(feature);
    QVERIFY(!feature->compareAction()->isEnabled()); // no tab yet
    QVERIFY(window.openFile(pb));
    QVERIFY(window.openFile(pa)); // the current tab
    QVERIFY(feature->compareAction()->isEnabled());
    QCOMPARE(feature->compareAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    QString error;
    CompareWindow *w = feature->compareWith(pb.toStdString(), &error);
    QVERIFY2(w, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().count(), std::size_t(1));
    QCOMPARE(w->navigator().run(0), (CompareRun{100, 1}));
    QVERIFY(w->windowTitle().contains(QStringLiteral("tab-a.bin")));
    QVERIFY(!feature->compareWith(m_dir.path().toStdString(), &error));
    QVERIFY2(error.contains(m_dir.path()), qPrintable(error));
    w->close(); // deleted on close
}

void TestCompareWindow::unsavedEditsOfBothTabsAreCompared()
{
    // Two tabs with unsaved edits: the compare sees both tabs' edits (one undoes the difference on disk, one adds
    // a difference), the views paint them, the list shows the edited bytes, the maps mark them; edits made in the
    // tab after the window opened are not seen (the window holds a copy).
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_comparewindow"));
    QSettings().clear();
    const QString pa = m_dir.filePath(QStringLiteral("ed-a.bin")), pb = m_dir.filePath(QStringLiteral("ed-b.bin"));
    QByteArray a = randomBytes(1 << 20, 10);
    QByteArray b = a;
    b[100] = static_cast<char>(b[100] ^ 1);
    QVERIFY(writeSparse(pa, a) && writeSparse(pb, b));
    MainWindow window;
    auto *feature = window.findChild<CompareFeature *>();
    QVERIFY(feature);
    QVERIFY(window.openFile(pb));
    Document *tabB = window.currentDocument();
    QVERIFY(window.openFile(pa));
    Document *tabA = window.currentDocument();
    QVERIFY(tabA && tabB && tabA != tabB);
    const std::byte same[] = {std::byte(static_cast<unsigned char>(b[100]))};
    const std::byte added[] = {std::byte{0xEE}, std::byte{0xEF}};
    QVERIFY(tabA->session()->setEditingEnabled(true));
    QVERIFY(tabA->session()->writeBytes(100, same, EditCommand::Kind::Paste)); // A now equals B at 100
    QVERIFY(tabB->session()->setEditingEnabled(true));
    QVERIFY(tabB->session()->writeBytes(700000, added, EditCommand::Kind::Paste));
    QString error;
    CompareWindow *w = feature->compareWith(pb.toStdString(), &error);
    QVERIFY2(w, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().runs(), (std::vector<CompareRun>{{700000, 2}}));
    QVERIFY(w->viewA()->snapshot().isModified() && w->viewB()->snapshot().isModified());
    auto *list = w->findChild<QTableView *>(QStringLiteral("compareDifferences"));
    QVERIFY(list);
    QCOMPARE(list->model()->index(0, 4).data().toString(), QStringLiteral("EE EF"));
    QCOMPARE(w->paneB()->map()->isLayerVisible(OverviewMap::Edits), true);
    const std::byte later[] = {std::byte{0x00}};
    QVERIFY(tabB->session()->writeBytes(5, later, EditCommand::Kind::Paste));
    QVERIFY(w->compareAgain());
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().count(), std::size_t(1));
    w->close();
    // Without edits in the tabs, the windows compare the files on disk.
    tabA->session()->revert();
    tabB->session()->revert();
    w = feature->compareWith(pb.toStdString(), &error);
    QVERIFY2(w, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!w->job()->isRunning() && w->job()->result().has_value(), 10000);
    QCOMPARE(w->navigator().runs(), (std::vector<CompareRun>{{100, 1}}));
    QVERIFY(!w->viewA()->snapshot().isModified());
    QCOMPARE(w->paneA()->map()->isLayerVisible(OverviewMap::Edits), false);
    w->close();
}

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
