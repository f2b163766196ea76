// Tabs (issue 14): one Document per open file, each in its own tab with its own view and map. A job runs in one
// tab while the other is edited and saved (both checked byte for byte with pread); closing a tab or quitting with
// a running job asks; the Data Inspector and the view show a job's bytes under the cursor while it runs; the docks
// follow the current tab; opening a file that is open already switches to its tab; the status bar's selection and
// the painted one agree after a mode switch and a tab switch; the tab shortcuts.
#include "hexviewtesthelpers.h"
#include "jobtesthelpers.h"
#include "modaltesthelpers.h"

#include "core/job.h"
#include "core/jobsnapshot.h"
#include "ui/bookmarks/bookmarkssupport.h"
#include "ui/bookmarks/bookmarksdock.h"
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/document/jobcenter.h"
#include "ui/document/jobwatcher.h"
#include "ui/edit/editingsupport.h"
#include "ui/edit/inspectordock.h"
#include "ui/find/findresultsdock.h"
#include "ui/find/findresultsmodel.h"
#include "ui/find/findsupport.h"
#include "ui/jobs/jobsdock.h"
#include "ui/jobs/jobssupport.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"
#include "ui/window/documenttabs.h"
#include "ui/window/mainwindow.h"
#include "ui/window/mainwindowactions.h"
#include "ui/window/statusbarwidgets.h"

#include <QAbstractButton>
#include <QTreeWidget>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace hexmap;

namespace {

constexpr std::uint64_t FileSize = 4u << 20;
constexpr std::uint64_t Chunk = 256u << 10;

QAbstractButton *buttonWithRole(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == role)
            return b;
    return nullptr;
}

} // namespace

class TestTabs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void jobInOneTabWhileTheOtherIsEditedAndSaved();
    void inspectorAndViewShowJobBytesWhileItRuns();
    void closingATabWithARunningJobAsks();
    void quittingWithARunningJobInABackgroundTabAsks();
    void docksFollowTheCurrentTab();
    void openingAnOpenFileSwitchesToItsTab();
    void statusSelectionAgreesWithTheView();
    void tabShortcutsAndTitle();

private:
    QString makeFile(const QString &name, char fill);
    JobWatcher *startPausedFill(std::byte value);
    void answerGuard(QMessageBox::ButtonRole role);

    QTemporaryDir m_dir;
    std::unique_ptr<QObject> m_context;
    std::unique_ptr<MainWindow> m_window;
    QList<QPointer<JobWatcher>> m_jobs;
    int m_asked = 0;
};

void TestTabs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tabs"));
    QVERIFY(m_dir.isValid());
}

void TestTabs::init()
{
    QSettings().clear();
    m_context = std::make_unique<QObject>();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_asked = 0;
}

void TestTabs::cleanup()
{
    m_context.reset();
    if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
        box->reject(); // a failed step must never leave a modal box behind
    for (const QPointer<JobWatcher> &job : m_jobs)
        if (job && job->job()) {
            job->job()->cancel();
            job->job()->resume();
        }
    m_jobs.clear();
    m_window.reset(); // each document cancels and joins its jobs
}

QString TestTabs::makeFile(const QString &name, char fill)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QByteArray(int(FileSize), fill)) != qint64(FileSize))
        return {};
    return path;
}

JobWatcher *TestTabs::startPausedFill(std::byte value)
{
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, FileSize};
    spec.threads = 1;
    spec.chunkSize = Chunk;
    spec.fillByte = value;
    auto job = m_window->jobs()->startJob(spec, [](Job &j) { j.pauseAfterChunks(2); });
    if (!job)
        return nullptr;
    m_jobs << *job;
    return *job;
}

void TestTabs::answerGuard(QMessageBox::ButtonRole role)
{
    modaltest::onNextModal<QMessageBox>(m_context.get(), [this, role](QMessageBox *box) {
        ++m_asked;
        QAbstractButton *b = box->objectName() == QLatin1String("closeGuard") ? buttonWithRole(box, role) : nullptr;
        if (b)
            b->click();
        else
            box->reject();
    });
}

void TestTabs::jobInOneTabWhileTheOtherIsEditedAndSaved()
{
    const QString a = makeFile(QStringLiteral("a.bin"), 'a');
    const QString b = makeFile(QStringLiteral("b.bin"), 'b');
    QVERIFY(m_window->openFile(a));
    QVERIFY(m_window->openFile(b));
    QCOMPARE(m_window->tabs()->count(), 2);
    DocumentPane *paneA = m_window->tabs()->panes().at(0);
    DocumentPane *paneB = m_window->tabs()->panes().at(1);
    QVERIFY(paneA->document() != paneB->document() && paneA->view() != paneB->view());
    QVERIFY(paneA->map() != paneB->map());

    m_window->tabs()->setCurrent(paneA);
    JobWatcher *job = startPausedFill(std::byte{0x5A});
    QVERIFY(job);
    QTRY_COMPARE(job->lastSnapshot().totalDone, 2 * Chunk);
    QVERIFY(paneA->document()->isWritable()); // jobs write through the document's read-write mode
    // The tab says a job runs, with its progress: 512 KiB of 4 MiB.
    QTRY_COMPARE(m_window->tabs()->tabText(paneA), QStringLiteral("a.bin (12%)"));

    m_window->tabs()->setCurrent(paneB); // the job goes on in the background tab
    QCOMPARE(m_window->currentDocument(), paneB->document());
    QVERIFY(m_window->editing()->session()->setEditingEnabled(true));
    const std::byte edit[] = {std::byte{0x01}, std::byte{0x02}, std::byte{0x03}};
    QVERIFY(m_window->editing()->session()->writeBytes(100, edit, EditCommand::Kind::Paste));
    QCOMPARE(m_window->tabs()->tabText(paneB), QStringLiteral("b.bin*"));
    QVERIFY(m_window->editing()->session()->save().ok());
    QVERIFY(job->isRunning());
    job->job()->resume();
    QTRY_VERIFY(job->isFinished());
    QCOMPARE(job->lastSnapshot().state, JobState::Succeeded);
    QTRY_COMPARE(m_window->tabs()->tabText(paneA), QStringLiteral("a.bin"));

    const auto bytesA = jobtest::preadAll(a, FileSize);
    QCOMPARE(std::uint64_t(bytesA.size()), FileSize);
    QVERIFY(std::all_of(bytesA.begin(), bytesA.end(), [](unsigned char c) { return c == 0x5A; }));
    const auto bytesB = jobtest::preadAll(b, FileSize);
    QCOMPARE(std::uint64_t(bytesB.size()), FileSize);
    for (std::uint64_t i = 0; i < FileSize; ++i) {
        const unsigned char expected = i == 100 ? 1 : i == 101 ? 2 : i == 102 ? 3 : 'b';
        if (bytesB[i] != expected)
            QFAIL(qPrintable(QStringLiteral("b.bin byte %1 is %2").arg(i).arg(bytesB[i])));
    }
}

void TestTabs::inspectorAndViewShowJobBytesWhileItRuns()
{
    const QString path = makeFile(QStringLiteral("zeros.bin"), '\0');
    QVERIFY(m_window->openFile(path));
    HexView *view = m_window->hexView();
    view->setCursorOffset(16); // in the first chunk
    InspectorDock *inspector = m_window->editing()->inspector();
    QCOMPARE(inspector->valueText(ValueDecoder::Type::UInt8), QStringLiteral("0"));
    hexmap::testing::recordPaintedText(*view, true);
    JobWatcher *job = startPausedFill(std::byte{0x5A});
    QVERIFY(job);
    QTRY_COMPARE(job->lastSnapshot().totalDone, 2 * Chunk);
    QVERIFY(job->isRunning()); // paused, not finished: the bytes under the cursor changed while it runs
    QCOMPARE(inspector->cursorOffset(), std::uint64_t(16));
    QCOMPARE(inspector->valueText(ValueDecoder::Type::UInt8), QStringLiteral("90"));
    QTRY_VERIFY(!hexmap::testing::paintedRowTexts(*view).isEmpty()
                && hexmap::testing::paintedRowTexts(*view).first().contains(QLatin1String("5A 5A")));
    job->job()->resume();
    QTRY_VERIFY(job->isFinished());
}

void TestTabs::closingATabWithARunningJobAsks()
{
    const QString a = makeFile(QStringLiteral("close-a.bin"), 'a');
    const QString b = makeFile(QStringLiteral("close-b.bin"), 'b');
    QVERIFY(m_window->openFile(a));
    JobWatcher *job = startPausedFill(std::byte{0x11});
    QVERIFY(job);
    QTRY_COMPARE(job->lastSnapshot().totalDone, 2 * Chunk);
    QVERIFY(m_window->openFile(b)); // another tab: no question, the job goes on
    QCOMPARE(m_asked, 0);
    QCOMPARE(m_window->tabs()->count(), 2);
    DocumentPane *paneA = m_window->tabs()->panes().at(0);

    answerGuard(QMessageBox::RejectRole); // Keep Open
    QVERIFY(!m_window->closeDocument(paneA->document()));
    QCOMPARE(m_asked, 1);
    QCOMPARE(m_window->tabs()->count(), 2);
    QVERIFY(job->isRunning());

    answerGuard(QMessageBox::DestructiveRole); // Cancel Job and Close
    m_window->tabs()->setCurrent(paneA);
    m_window->windowActions()->close->trigger(); // the platform's Close key closes the tab
    QCOMPARE(m_asked, 2);
    QCOMPARE(m_window->tabs()->count(), 1);
    QVERIFY(m_window->currentPath().endsWith(QLatin1String("close-b.bin")));
    const auto bytes = jobtest::preadAll(a, FileSize);
    QCOMPARE(std::uint64_t(bytes.size()), FileSize);
    const auto written = std::count(bytes.begin(), bytes.end(), 0x11);
    QVERIFY2(written >= std::ptrdiff_t(2 * Chunk) && written < std::ptrdiff_t(FileSize), qPrintable(QString::number(written)));
}

void TestTabs::quittingWithARunningJobInABackgroundTabAsks()
{
    const QString a = makeFile(QStringLiteral("quit-a.bin"), 'a');
    QVERIFY(m_window->openFile(a));
    QPointer<JobWatcher> job = startPausedFill(std::byte{0x22});
    QVERIFY(job);
    QTRY_COMPARE(job->lastSnapshot().totalDone, 2 * Chunk);
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("quit-b.bin"), 'b')));
    DocumentPane *paneA = m_window->tabs()->panes().at(0);
    QVERIFY(m_window->currentDocument() != paneA->document());

    answerGuard(QMessageBox::RejectRole); // Keep Open
    m_window->windowActions()->quit->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_window->currentDocument(), paneA->document()); // the tab that asks is shown
    QVERIFY(job->isRunning());

    answerGuard(QMessageBox::DestructiveRole); // Cancel Job and Quit
    m_window->windowActions()->quit->trigger();
    QCOMPARE(m_asked, 2);
    QVERIFY(!m_window->isVisible());
    QVERIFY(!job || job->isFinished()); // cancelled and joined (its document is gone with its tab)
    const auto bytes = jobtest::preadAll(a, FileSize);
    const auto written = std::count(bytes.begin(), bytes.end(), 0x22);
    QVERIFY2(written >= std::ptrdiff_t(2 * Chunk) && written < std::ptrdiff_t(FileSize), qPrintable(QString::number(written)));
}

void TestTabs::docksFollowTheCurrentTab()
{
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("dock-a.bin"), 'a')));
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("dock-b.bin"), 'b')));
    DocumentPane *paneA = m_window->tabs()->panes().at(0);
    DocumentPane *paneB = m_window->tabs()->panes().at(1);
    const auto check = [this](DocumentPane *pane) {
        QCOMPARE(m_window->currentPane(), pane);
        QCOMPARE(m_window->hexView(), pane->view());
        QCOMPARE(m_window->editing()->inspector()->document(), pane->document());
        QCOMPARE(m_window->jobs()->dock()->center(), pane->document()->jobs());
        QCOMPARE(m_window->jobs()->map(), pane->map());
    };
    m_window->tabs()->setCurrent(paneA);
    check(paneA);
    paneA->view()->setCursorOffset(7);
    QCOMPARE(m_window->editing()->inspector()->cursorOffset(), std::uint64_t(7));
    QCOMPARE(m_window->editing()->inspector()->valueText(ValueDecoder::Type::UInt8), QStringLiteral("97")); // 'a'
    m_window->bookmarks()->toggleBookmarkAction()->trigger();
    QCOMPARE(m_window->bookmarks()->dock()->tree()->topLevelItemCount(), 1);
    // Find results belong to their document.
    paneA->document()->search() = {{1, 2, 3}, 1, false, QStringLiteral("three")};
    m_window->tabs()->setCurrent(paneB);
    m_window->tabs()->setCurrent(paneA);
    QCOMPARE(m_window->find()->dock()->model()->rowCount(), 3);

    m_window->tabs()->setCurrent(paneB);
    check(paneB);
    QCOMPARE(m_window->editing()->inspector()->valueText(ValueDecoder::Type::UInt8), QStringLiteral("98")); // 'b'
    QCOMPARE(m_window->bookmarks()->dock()->tree()->topLevelItemCount(), 0);
    QCOMPARE(m_window->find()->dock()->model()->rowCount(), 0);
    QVERIFY(m_window->editing()->session() == paneB->document()->session());
}

void TestTabs::openingAnOpenFileSwitchesToItsTab()
{
    const QString a = makeFile(QStringLiteral("same-a.bin"), 'a');
    const QString link = m_dir.filePath(QStringLiteral("same-a-link.bin"));
    QVERIFY(QFile::link(a, link) || QFileInfo::exists(link));
    QVERIFY(m_window->openFile(a));
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("same-b.bin"), 'b')));
    QCOMPARE(m_window->tabs()->count(), 2);
    m_window->hexView()->setCursorOffset(33);
    QVERIFY(m_window->openFile(link)); // the same device and inode under another name
    QCOMPARE(m_window->tabs()->count(), 2);
    QVERIFY(m_window->currentPath().endsWith(QLatin1String("same-a.bin")));
    const auto open = m_window->openDocuments();
    QCOMPARE(open.size(), 2);
    QVERIFY(open.at(0).path.endsWith(QLatin1String("same-a.bin")));
    QCOMPARE(open.at(1).cursorOffset, std::uint64_t(33));
}

void TestTabs::statusSelectionAgreesWithTheView()
{
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("sel-a.bin"), 'a')));
    HexView *view = m_window->hexView();
    view->setSelection({16, 32});
    const QString selected = StatusBarWidgets::formatSelection({16, 32});
    QCOMPARE(m_window->statusWidgets()->selectionText(), selected);
    // Enabling editing reopens the file read-write: the view keeps its selection, and so does the status bar.
    m_window->editing()->enableEditing->trigger();
    QVERIFY(m_window->currentDocument()->isWritable());
    QCOMPARE(view->selection(), (ByteRange{16, 32}));
    QCOMPARE(m_window->statusWidgets()->selectionText(), selected);
    // Another tab shows its own (no) selection; coming back shows this one again.
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("sel-b.bin"), 'b')));
    QCOMPARE(m_window->statusWidgets()->selectionText(), StatusBarWidgets::formatSelection(m_window->hexView()->selection()));
    m_window->windowActions()->previousTab->trigger();
    QCOMPARE(m_window->hexView(), view);
    QCOMPARE(m_window->statusWidgets()->selectionText(), selected);
}

void TestTabs::tabShortcutsAndTitle()
{
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("keys-a.bin"), 'a')));
    QVERIFY(m_window->openFile(makeFile(QStringLiteral("keys-b.bin"), 'b')));
    QVERIFY(m_window->windowTitle().contains(QLatin1String("keys-b.bin")));
    m_window->activateWindow();
    m_window->hexView()->setFocus();
    QTest::keyClick(m_window->hexView(), Qt::Key_PageUp, Qt::ControlModifier);
    QVERIFY(m_window->currentPath().endsWith(QLatin1String("keys-a.bin")));
    QVERIFY(m_window->windowTitle().contains(QLatin1String("keys-a.bin")));
    QTest::keyClick(m_window->hexView(), Qt::Key_PageDown, Qt::ControlModifier);
    QVERIFY(m_window->currentPath().endsWith(QLatin1String("keys-b.bin")));
    QTest::keyClick(m_window->hexView(), Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(m_window->currentPath().endsWith(QLatin1String("keys-a.bin")));
    const QKeySequence close = m_window->windowActions()->close->shortcut();
    QVERIFY(!close.isEmpty());
    QTest::keySequence(m_window->hexView(), close);
    QCOMPARE(m_window->tabs()->count(), 1);
    QVERIFY(m_window->currentPath().endsWith(QLatin1String("keys-b.bin")));
    QTest::keySequence(m_window->hexView(), close); // the last tab stays, empty
    QCOMPARE(m_window->tabs()->count(), 1);
    QVERIFY(!m_window->hasFile());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Hexmap"));
}

QTEST_MAIN(TestTabs)
#include "tst_tabs.moc"
