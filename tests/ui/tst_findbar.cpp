// Tests for the find bar: FindBar, SearchWatcher, FindResultsDock/Model, FindSupport, FindBarModel.
#include "findtesthelpers.h"

#include "core/coldfile.h"
#include "ui/document/editsession.h"
#include "ui/find/findbar.h"
#include "ui/find/findresultsdock.h"
#include "ui/find/findresultsmodel.h"
#include "ui/find/findsupport.h"
#include "ui/view/hexview.h"
#include "ui/view/jobcolors.h"
#include "ui/window/mainwindow.h"
#include "ui/pane/overviewmap.h"
#include "ui/document/searchwatcher.h"

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
#include <span>

using namespace hexmap;
using namespace hexmap::testing;


class TestFindBar : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void hexNextPreviousWrap();
    void textIgnoreCaseAndUtf16();
    void findAllListAndNavigate();
    void findAllCapped();
    void malformedPatternStartsNothing();
    void escapeHidesBar();
    void cancelMidScan();
    void unsavedEditsAreFound();
    void mainWindowKeys();
    void screenshot();

private:
    MappedFile sampleFile() { return makeFile(m_dir.filePath(QStringLiteral("sample.bin")), sample()); }
    QTemporaryDir m_dir;
};

void TestFindBar::hexNextPreviousWrap()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.view->setCursorOffset(0);
    w.find->find->trigger(); // Ctrl+F
    QVERIFY(w.bar()->isVisible());
    QVERIFY(patternEdit(w.bar())->hasFocus() || !QApplication::focusWidget());
    w.bar()->setMode(FindBar::Mode::Hex);
    QTest::keyClicks(patternEdit(w.bar()), QStringLiteral("68 65 6c 6c 6f"));
    QVERIFY(!w.bar()->hasError());

    QTest::keyClick(patternEdit(w.bar()), Qt::Key_Return); // next from cursor + 1
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
    QTest::keyClick(patternEdit(w.bar()), Qt::Key_Return, Qt::ShiftModifier);
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

    // A new file (here: the same one reopened) clears results and marks.
    w.document->open(MappedFile(w.document->file()));
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(w.find->viewMarks().empty());
}

void TestFindBar::findAllCapped()
{
    Window w(makeFile(m_dir.filePath(QStringLiteral("zeros.bin")), QByteArray(1000, '\0')));
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    setMaxMatches(w.bar(), 10);
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
    QTest::keyClicks(patternEdit(w.bar()), QStringLiteral("DE AD G1"));
    QVERIFY(w.bar()->hasError());
    QVERIFY(!w.bar()->message().isEmpty());
    QVERIFY(patternEdit(w.bar())->property("invalid").toBool());
    QVERIFY(patternEdit(w.bar())->palette().color(QPalette::Base).red() > 200);
    QVERIFY(patternEdit(w.bar())->palette().color(QPalette::Base).green() < 230);
    QSignalSpy progressed(watcher(w.bar()), &SearchWatcher::progressed);
    QTest::keyClick(patternEdit(w.bar()), Qt::Key_Return);
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
    QVERIFY(!patternEdit(w.bar())->property("invalid").toBool());
}

void TestFindBar::escapeHidesBar()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    QVERIFY(w.bar()->isVisible());
    QSignalSpy closed(w.bar(), &FindBar::closed);
    QTest::keyClick(patternEdit(w.bar()), Qt::Key_Escape);
    QVERIFY(!w.bar()->isVisible());
    QCOMPARE(closed.count(), 1);
}

// 256 MiB of real data, out of the page cache where the file system allows it (a sparse file would be skipped in
// milliseconds). The test presses Cancel right after Find All, before the event loop runs: the search thread cannot
// have read 256 MiB by then, so the cancel lands mid-scan by construction. (Pressing it from the first progress
// report raced on fast file systems.) The bar's last progress report shows the scan stopped short of the end.
void TestFindBar::cancelMidScan()
{
    const QString path = m_dir.filePath(QStringLiteral("cold.bin"));
    QVERIFY(writeColdFile(path, 256u << 20));
    auto file = MappedFile::openReadOnly(path.toStdString());
    QVERIFY(file);
    Window w(*file);
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find->find->trigger();
    w.bar()->setMode(FindBar::Mode::Hex);
    w.bar()->setPatternText(QStringLiteral("DE AD BE EF"));
    watcher(w.bar())->setInterval(1);
    QSignalSpy failed(watcher(w.bar()), &SearchWatcher::failed);
    std::optional<ScanProgressSnapshot> last;
    connect(watcher(w.bar()), &SearchWatcher::progressed, this, [&](const ScanProgressSnapshot &s) { last = s; });
    w.bar()->findAll();
    QVERIFY(w.bar()->isSearching());
    w.bar()->cancel();
    QTRY_VERIFY(!w.bar()->isSearching());
    QVERIFY2(last.has_value(), "no final progress report");
    QVERIFY(last->bytesDone < last->bytesTotal);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).toBool(), true);
    QCOMPARE(w.bar()->message(), QStringLiteral("Search cancelled"));
    QVERIFY(!w.bar()->hasError());
    QCOMPARE(w.find->dock()->model()->rowCount(), 0);
}

// The bar searches the bytes the view shows: unsaved edits (the document's EditOverlay) are found, an edited-away
// match is not, and the results list shows the edited bytes.
void TestFindBar::unsavedEditsAreFound()
{
    Window w(sampleFile());
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    EditSession *session = w.document->session();
    QVERIFY(session->setEditingEnabled(true));
    const QByteArray planted("hello");
    QVERIFY(session->writeBytes(33, std::as_bytes(std::span(planted.constData(), std::size_t(planted.size()))),
                                EditCommand::Kind::Paste));
    const std::byte x{'X'};
    QVERIFY(session->writeBytes(13, std::span<const std::byte>(&x, 1), EditCommand::Kind::Typing));
    w.find->find->trigger();
    w.bar()->setMode(FindBar::Mode::Text);
    w.bar()->setPatternText(QStringLiteral("hello"));
    w.bar()->findAll();
    QTRY_VERIFY(!w.bar()->isSearching());
    FindResultsModel *model = w.find->dock()->model();
    QCOMPARE(model->offsets(), (std::vector<std::uint64_t>{0, 33})); // 13 became "Xello"
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("00000021  4C 4C 4F 20 [68 65 6C 6C 6F] 00 00 68 00"));
    // Later edits show in the list (it reads the session's document); the offsets stay the find's.
    const std::byte later{'A'};
    QVERIFY(session->writeBytes(38, std::span<const std::byte>(&later, 1), EditCommand::Kind::Typing));
    QTRY_COMPARE(model->index(1).data().toString(),
                 QStringLiteral("00000021  4C 4C 4F 20 [68 65 6C 6C 6F] 41 00 68 00"));
    // Next / previous see them too.
    w.view->setCursorOffset(1);
    w.bar()->findNext();
    QTRY_COMPARE(w.view->selection(), (ByteRange{33, 5}));
    w.view->setSelection({});
    w.view->setCursorOffset(30);
    w.bar()->findPrevious();
    QTRY_COMPARE(w.view->selection(), (ByteRange{0, 5}));
    // The file itself is unchanged: Find read the edits, it did not write them.
    QFile f(QString::fromStdString(w.document->file().path()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), sample());
}

void TestFindBar::mainWindowKeys()
{
    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    const MappedFile written = sampleFile(); // writes sample.bin
    QVERIFY(window.openFile(QString::fromStdString(written.path())));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    FindBar *bar = window.find()->bar();
    QVERIFY(!bar->isVisible());
    window.hexView()->setCursorOffset(0);
    window.hexView()->setFocus();
    QTest::keySequence(window.hexView(), QKeySequence::Find);
    QTRY_VERIFY(bar->isVisible());
    QTRY_VERIFY(patternEdit(bar)->hasFocus());
    bar->setMode(FindBar::Mode::Text);
    QTest::keyClicks(patternEdit(bar), QStringLiteral("hello"));
    QTest::keySequence(patternEdit(bar), QKeySequence::FindNext);
    QTRY_COMPARE(window.hexView()->selection(), (ByteRange{13, 5}));
    QTest::keySequence(patternEdit(bar), QKeySequence::FindNext);
    QTRY_COMPARE(window.hexView()->selection(), (ByteRange{0, 5}));
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("wrapped")));
    QTest::keySequence(patternEdit(bar), QKeySequence::FindPrevious);
    QTRY_COMPARE(window.hexView()->selection(), (ByteRange{13, 5}));
    QTest::keyClick(patternEdit(bar), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    window.closeFile();
    QVERIFY(!window.find()->find->isEnabled());
}

void TestFindBar::screenshot()
{
    const MappedFile written = makeFile(m_dir.filePath(QStringLiteral("shot.bin")), sample() + ramp(4096 - 48));
    MainWindow window;
    QVERIFY(window.openFile(QString::fromStdString(written.path())));
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    FindBar *bar = window.find()->bar();
    window.find()->find->trigger();
    bar->setMode(FindBar::Mode::Hex);
    bar->setPatternText(QStringLiteral("68 ?? 6A"));
    bar->findAll();
    QTRY_VERIFY(!bar->isSearching());
    QCOMPARE(window.find()->dock()->model()->rowCount(), 16); // 68 69 6A once per 256 bytes of the ramp
    window.find()->dock()->listView()->setCurrentIndex(window.find()->dock()->model()->index(1));
    window.hexView()->setCursorOffset(408);
    window.hexView()->setSelection({408, 3});
    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    const QByteArray dir = qgetenv("HEXMAP_SCREENSHOT_DIR");
    const QString path = (dir.isEmpty() ? m_dir.path() : QString::fromLocal8Bit(dir)) + QStringLiteral("/findbar.png");
    QVERIFY(image.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
