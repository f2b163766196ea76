// Tests for the find bar: FindBar, SearchWatcher, FindResultsDock/Model, FindSupport, FindBarModel.
#include "ui/hexviewtesthelpers.h"

#include "ui/findbar.h"
#include "ui/findbarmodel.h"
#include "ui/findresultsdock.h"
#include "ui/findresultsmodel.h"
#include "ui/findsupport.h"
#include "ui/hexview.h"
#include "ui/jobcolors.h"
#include "ui/overviewmap.h"
#include "ui/searchwatcher.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hexmap;
using namespace hexmap::testing;

namespace {

// "hello" (68 65 6C 6C 6F) at 0 and 13; "HELLO" at 27; UTF-16LE "hi" (68 00 69 00) at 40. 48 bytes.
QByteArray sample()
{
    QByteArray b("hello world, hello hexmap, HELLO again");
    b.append(2, '\0');
    b.append("h\0i\0", 4);
    b.append(4, '\x7F');
    return b;
}

// A window like the main one: the view with the map beside it, FindSupport installed.
struct Window {
    QMainWindow window;
    HexView *view = nullptr;
    OverviewMap *map = nullptr;
    FindSupport *find = nullptr;
    QStringList status;

    explicit Window(const MappedFile &file)
    {
        auto *box = new QWidget(&window);
        auto *layout = new QHBoxLayout(box);
        view = new HexView(box);
        map = new OverviewMap(box);
        layout->addWidget(view, 1);
        layout->addWidget(map);
        window.setCentralWidget(box);
        find = new FindSupport(&window, view, map);
        find->install(nullptr);
        view->setFile(file);
        map->setFileSize(file.size());
        find->setFile(file);
        QObject::connect(find, &FindSupport::statusMessage, &window, [this](const QString &m) {
            status << m;
            window.statusBar()->showMessage(m);
        });
        window.resize(1000, 600);
        window.show();
    }
    FindBar *bar() const { return find->bar(); }
};

} // namespace

class TestFindBar : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void startOffsets_data();
    void startOffsets();
    void contextText();
    void hexNextPreviousWrap();
    void textIgnoreCaseAndUtf16();
    void findAllListAndNavigate();
    void findAllCapped();
    void malformedPatternStartsNothing();
    void escapeHidesBar();
    void cancelOnHugeSparseFile();
    void screenshot();

private:
    MappedFile sampleFile() { return makeFile(m_dir.filePath(QStringLiteral("sample.bin")), sample()); }
    QTemporaryDir m_dir;
};

void TestFindBar::startOffsets_data()
{
    QTest::addColumn<quint64>("cursor");
    QTest::addColumn<quint64>("selOffset");
    QTest::addColumn<quint64>("selSize");
    QTest::addColumn<bool>("forward");
    QTest::addColumn<quint64>("from");
    QTest::addColumn<bool>("wrapped");
    // file size 100
    QTest::newRow("next from cursor") << quint64(10) << quint64(0) << quint64(0) << true << quint64(11) << false;
    QTest::newRow("next from selection end") << quint64(10) << quint64(10) << quint64(5) << true << quint64(15) << false;
    QTest::newRow("next at last byte wraps") << quint64(99) << quint64(0) << quint64(0) << true << quint64(0) << true;
    QTest::newRow("next selection to end wraps") << quint64(90) << quint64(90) << quint64(10) << true << quint64(0) << true;
    QTest::newRow("previous from cursor") << quint64(10) << quint64(0) << quint64(0) << false << quint64(9) << false;
    QTest::newRow("previous before selection") << quint64(12) << quint64(10) << quint64(5) << false << quint64(9) << false;
    QTest::newRow("previous at 0 wraps") << quint64(0) << quint64(0) << quint64(0) << false << quint64(99) << true;
}

void TestFindBar::startOffsets()
{
    QFETCH(quint64, cursor);
    QFETCH(quint64, selOffset);
    QFETCH(quint64, selSize);
    QFETCH(bool, forward);
    QFETCH(quint64, from);
    QFETCH(bool, wrapped);
    const ByteRange sel{selOffset, selSize};
    const auto start = forward ? FindBarModel::nextStart(cursor, sel, 100) : FindBarModel::previousStart(cursor, sel, 100);
    QCOMPARE(start.from, std::uint64_t(from));
    QCOMPARE(start.wrappedAlready, wrapped);
}

void TestFindBar::contextText()
{
    const QByteArray b = sample();
    const auto *data = reinterpret_cast<const std::byte *>(b.constData());
    QCOMPARE(FindBarModel::contextText(data, std::uint64_t(b.size()), 13, 5, 2, 2),
             QStringLiteral("2C 20 [68 65 6C 6C 6F] 20 68"));
    QCOMPARE(FindBarModel::contextText(data, std::uint64_t(b.size()), 0, 2, 4, 1), QStringLiteral("[68 65] 6C"));
    QCOMPARE(FindBarModel::contextText(data, std::uint64_t(b.size()), 47, 1, 1, 4), QStringLiteral("7F [7F]"));
}

void TestFindBar::hexNextPreviousWrap()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.view->setCursorOffset(0);
    w.find->find->trigger(); // Ctrl+F
    QVERIFY(w.bar()->isVisible());
    QVERIFY(w.bar()->patternEdit()->hasFocus() || !QApplication::focusWidget());
    w.bar()->setMode(FindBar::Mode::Hex);
    QTest::keyClicks(w.bar()->patternEdit(), QStringLiteral("68 65 6c 6c 6f"));
    QVERIFY(!w.bar()->hasError());

    QTest::keyClick(w.bar()->patternEdit(), Qt::Key_Return); // next from cursor + 1
    QTRY_COMPARE(w.view->selection(), (ByteRange{13, 5}));
    QCOMPARE(w.view->cursorOffset(), std::uint64_t(13));
    QVERIFY(w.status.isEmpty());

    w.find->findNext->trigger(); // F3: from the selection end, wraps to 0
    QTRY_COMPARE(w.view->selection(), (ByteRange{0, 5}));
    QTRY_COMPARE(w.status.size(), 1);
    QVERIFY2(w.status.last().contains(QStringLiteral("wrapped")), qPrintable(w.status.last()));
    QVERIFY(w.bar()->message().contains(QStringLiteral("wrapped")));

    w.find->findPrevious->trigger(); // Shift+F3 before 0: wraps to the last match
    QTRY_COMPARE(w.view->selection(), (ByteRange{13, 5}));
    QCOMPARE(w.status.size(), 2);
    w.find->findPrevious->trigger();
    QTRY_COMPARE(w.view->selection(), (ByteRange{0, 5}));
    QCOMPARE(w.status.size(), 2); // no wrap this time

    // Shortcuts reach the actions through the window.
    QCOMPARE(w.find->findNext->shortcut(), QKeySequence(QKeySequence::FindNext));
    QCOMPARE(w.find->findPrevious->shortcut(), QKeySequence(QKeySequence::FindPrevious));
    QCOMPARE(w.find->find->shortcut(), QKeySequence(QKeySequence::Find));

    // Not found.
    w.bar()->setPatternText(QStringLiteral("CA FE"));
    w.find->findNext->trigger();
    QTRY_VERIFY(w.bar()->message().startsWith(QStringLiteral("Not found")));
    QCOMPARE(w.view->selection(), (ByteRange{0, 5}));
}

void TestFindBar::textIgnoreCaseAndUtf16()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    w.bar()->setMode(FindBar::Mode::Text);
    w.bar()->setPatternText(QStringLiteral("hello"));
    w.view->setCursorOffset(14);
    w.bar()->findNext();
    QTRY_COMPARE(w.view->selection(), (ByteRange{0, 5})); // case-sensitive: 27 ("HELLO") skipped, wraps
    w.bar()->setIgnoreCase(true);
    w.view->setCursorOffset(14);
    w.bar()->findNext();
    QTRY_COMPARE(w.view->selection(), (ByteRange{27, 5}));
    // Shift+Return in the field = previous.
    QTest::keyClick(w.bar()->patternEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QTRY_COMPARE(w.view->selection(), (ByteRange{13, 5}));

    w.bar()->setMode(FindBar::Mode::Utf16);
    w.bar()->setPatternText(QStringLiteral("hi"));
    w.view->setCursorOffset(0);
    w.bar()->findNext();
    QTRY_COMPARE(w.view->selection(), (ByteRange{40, 4}));
}

void TestFindBar::findAllListAndNavigate()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    w.bar()->setMode(FindBar::Mode::Text);
    w.bar()->setIgnoreCase(true);
    w.bar()->setPatternText(QStringLiteral("hello"));
    w.bar()->findAll();
    QTRY_VERIFY(!w.bar()->isSearching());
    FindResultsModel *model = w.find->dock()->model();
    QCOMPARE(model->offsets(), (std::vector<std::uint64_t>{0, 13, 27}));
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(!model->isCapped());
    QVERIFY(w.find->dock()->isVisible());
    QVERIFY(w.find->dock()->summary().startsWith(QStringLiteral("3 matches")));
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("0000000D  6C 64 2C 20 [68 65 6C 6C 6F] 20 68 65 78"));

    // Marks: all three are visible in this small file, in the mark colour.
    QCOMPARE(w.find->viewMarks().size(), std::size_t(3));
    int inView = 0;
    for (const Highlight &h : w.view->highlights())
        inView += h.color == w.find->markColor() ? 1 : 0;
    QCOMPARE(inView, 3);
    // The overview map draws a tick in the marks lane at the row of offset 27.
    w.map->resize(w.map->width(), 200);
    const QImage map = w.map->grab().toImage();
    const int row = w.map->topMargin() + w.map->model().rowsOf(ByteRange{27, 5}).first;
    const QColor tick = JobColors::searchHit(JobColors::isDark(w.map->palette()));
    QCOMPARE(map.pixelColor(w.map->marksLane().first, row).rgb(), tick.rgb());

    // Clicking a row selects that match.
    QListView *list = w.find->dock()->listView();
    QTRY_VERIFY(list->visualRect(model->index(2)).isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(model->index(2)).center());
    QCOMPARE(w.view->selection(), (ByteRange{27, 5}));
    QCOMPARE(w.view->cursorOffset(), std::uint64_t(27));

    // A new file clears results and marks.
    w.find->setFile(w.view->file());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(w.find->viewMarks().empty());
}

void TestFindBar::findAllCapped()
{
    Window w(makeFile(m_dir.filePath(QStringLiteral("zeros.bin")), QByteArray(1000, '\0')));
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.bar()->setMaxMatches(10);
    w.bar()->setMode(FindBar::Mode::Hex);
    w.bar()->setPatternText(QStringLiteral("00 00"));
    w.bar()->findAll();
    QTRY_VERIFY(!w.bar()->isSearching());
    FindResultsModel *model = w.find->dock()->model();
    QCOMPARE(model->rowCount(), 10);
    QVERIFY(model->isCapped());
    QCOMPARE(model->offsets().front(), std::uint64_t(0));
    QCOMPARE(model->offsets().back(), std::uint64_t(9)); // overlapping matches included
    QVERIFY2(w.find->dock()->summary().contains(QStringLiteral("more exist")), qPrintable(w.find->dock()->summary()));
    QVERIFY(w.bar()->message().contains(QStringLiteral("capped")));
    // Overlapping visible matches merge into one view mark [0, 11).
    QCOMPARE(w.find->viewMarks().size(), std::size_t(1));
    QCOMPARE(w.find->viewMarks().front().range, (ByteRange{0, 11}));
}

void TestFindBar::malformedPatternStartsNothing()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    w.view->setCursorOffset(3);
    w.bar()->setMode(FindBar::Mode::Hex);
    QTest::keyClicks(w.bar()->patternEdit(), QStringLiteral("DE AD G1"));
    QVERIFY(w.bar()->hasError());
    QVERIFY(!w.bar()->message().isEmpty());
    QVERIFY(w.bar()->patternEdit()->property("invalid").toBool());
    QVERIFY(w.bar()->patternEdit()->palette().color(QPalette::Base).red() > 200);
    QVERIFY(w.bar()->patternEdit()->palette().color(QPalette::Base).green() < 230);
    QSignalSpy progressed(w.bar()->watcher(), &SearchWatcher::progressed);
    QTest::keyClick(w.bar()->patternEdit(), Qt::Key_Return);
    w.bar()->findAll();
    w.find->findNext->trigger();
    QVERIFY(!w.bar()->isSearching());
    QVERIFY(w.bar()->hasError());
    QCOMPARE(w.view->cursorOffset(), std::uint64_t(3));
    QVERIFY(w.view->selection().isEmpty());
    QTest::qWait(100); // a started search would report within three timer ticks
    QCOMPARE(progressed.count(), 0);

    // All wildcards and bad UTF-8-free text cases: the engine's messages, not ours.
    w.bar()->setPatternText(QStringLiteral("?? ??"));
    QVERIFY(w.bar()->hasError());
    w.bar()->setPatternText(QStringLiteral("DE AD"));
    QVERIFY(!w.bar()->hasError());
    QVERIFY(!w.bar()->patternEdit()->property("invalid").toBool());
}

void TestFindBar::escapeHidesBar()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    QVERIFY(w.bar()->isVisible());
    QSignalSpy closed(w.bar(), &FindBar::closed);
    QTest::keyClick(w.bar()->patternEdit(), Qt::Key_Escape);
    QVERIFY(!w.bar()->isVisible());
    QCOMPARE(closed.count(), 1);
}

void TestFindBar::cancelOnHugeSparseFile()
{
    const std::uint64_t size = 8ull << 30;
    Window w(makeSparseFile(m_dir.filePath(QStringLiteral("sparse.bin")), size));
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    w.bar()->setMode(FindBar::Mode::Hex);
    w.bar()->setPatternText(QStringLiteral("DE AD BE EF"));
    QSignalSpy progressed(w.bar()->watcher(), &SearchWatcher::progressed);
    QSignalSpy failed(w.bar()->watcher(), &SearchWatcher::failed);
    w.bar()->findAll();
    QVERIFY(w.bar()->isSearching());
    QTRY_VERIFY(progressed.count() >= 2); // the GUI thread keeps running while the scan goes on
    QVERIFY(w.bar()->isSearching());
    w.bar()->cancel();
    QTRY_VERIFY(!w.bar()->isSearching());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).toBool(), true);
    QCOMPARE(w.bar()->message(), QStringLiteral("Search cancelled"));
    QVERIFY(!w.bar()->hasError());
    QCOMPARE(w.find->dock()->model()->rowCount(), 0);
}

void TestFindBar::screenshot()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    w.bar()->setMode(FindBar::Mode::Text);
    w.bar()->setIgnoreCase(true);
    w.bar()->setPatternText(QStringLiteral("hello"));
    w.bar()->findAll();
    QTRY_VERIFY(!w.bar()->isSearching());
    w.find->dock()->listView()->setCurrentIndex(w.find->dock()->model()->index(1));
    w.view->setCursorOffset(13);
    w.view->setSelection({13, 5});
    const QImage image = w.window.grab().toImage();
    QVERIFY(!image.isNull());
    const QByteArray dir = qgetenv("HEXMAP_SCREENSHOT_DIR");
    const QString path = (dir.isEmpty() ? m_dir.path() : QString::fromLocal8Bit(dir)) + QStringLiteral("/findbar.png");
    QVERIFY(image.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
