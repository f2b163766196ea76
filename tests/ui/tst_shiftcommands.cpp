// Issue 15: Edit > Insert Bytes… and Edit > Delete Range… are unsaved, undoable edits of the document's piece table;
// File > Save writes them in place through the shift save (ShiftSaver / ShiftSave), off the GUI thread. End to end
// through the real actions and dialogs (found with activeModalWidget) on a temp file: nothing reaches the file before
// Save; after Save the file on disk (read with pread) equals the expected bytes, the document, view and status bar
// show the new size, bookmarks follow the bytes they marked. Every refusal says why; a cancelled save says what it
// left, and a file left part-way is completed when it is opened again (or by Recover Now); the GUI thread keeps
// processing events while a save runs. (Insert mode, typing, Delete/Backspace, Cut: tst_insertmode.)
#include "jobtesthelpers.h"
#include "modaltesthelpers.h"
#include "core/editoverlay.h"
#include "core/job.h"
#include "core/jobspec.h"
#include "ui/document/jobwatcher.h"
#include "ui/document/bookmarks.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/edit/deleterangedialog.h"
#include "ui/edit/editingsupport.h"
#include "ui/edit/insertbytesdialog.h"
#include "ui/edit/shiftsaver.h"
#include "ui/edit/shiftsupport.h"
#include "ui/jobs/jobssupport.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/statusbarwidgets.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using namespace hexmap;
using modaltest::onNextModal;
using Bytes = std::vector<unsigned char>;
using Source = InsertBytesModel::Source;

namespace {

constexpr std::uint64_t FileSize = 64 * 1024;

Bytes pattern(std::uint64_t size)
{
    Bytes b(size);
    for (std::uint64_t i = 0; i < size; ++i)
        b[i] = static_cast<unsigned char>((i * 7 + i / 251) & 0xFF);
    return b;
}

QPushButton *buttonWithRole(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == role)
            return qobject_cast<QPushButton *>(b);
    return nullptr;
}

} // namespace

class TestShiftCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void insertHexBytes();
    void insertFill1MiB();
    void deleteSelection();
    void deleteAtEnd();
    void refusals_data();
    void refusals();
    void saveRefusedWhenChangedOnDisk();
    void largeSaveAsksFirst();
    void emptyFileGrowsAndSaves();
    void refusedWhileAJobRuns();
    void cancelPartWayCompletesOnNextOpen_data();
    void cancelPartWayCompletesOnNextOpen();
    void closingTheWindowWaitsAndTheJournalCompletes();

private:
    void writeFile(const Bytes &bytes);
    void openWindow(bool editing = true);
    // Triggers the action, fills the dialog through `fill` and accepts it. Returns the status message.
    QString runInsert(const std::function<void(InsertBytesDialog *)> &fill);
    QString runDelete(const std::function<void(DeleteRangeDialog *)> &fill);
    // File > Save; returns ShiftSaver's end message once the save finished.
    QString saveNow();
    // The text of the next box if it is the refusal ("shiftRefused"); the box is closed either way.
    void captureRefusal(QString *text);
    QString waitFinished(QSignalSpy &spy);
    ShiftSaver *saver() const { return m_window->editing()->shiftSaver(); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<QObject> m_context;
    std::unique_ptr<MainWindow> m_window;
    ShiftSupport *m_shift = nullptr;
};

void TestShiftCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_shiftcommands"));
    QVERIFY(m_dir.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", m_dir.filePath(QStringLiteral("journals")).toLocal8Bit());
}

void TestShiftCommands::init()
{
    m_context = std::make_unique<QObject>();
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("shift.bin"));
    writeFile(pattern(FileSize));
    QFile::remove(Bookmarks::storagePath(QFileInfo(m_path).canonicalFilePath())); // each test starts without
}

void TestShiftCommands::cleanup()
{
    m_context.reset();
    for (int i = 0; i < 3; ++i)
        if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
            box->reject();
    if (m_window)
        m_window->editing()->setPrompt([] { return QMessageBox::Discard; });
    m_window.reset();
    m_shift = nullptr;
}

void TestShiftCommands::writeFile(const Bytes &bytes)
{
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())), qint64(bytes.size()));
}

void TestShiftCommands::openWindow(bool editing)
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_shift = m_window->findChild<ShiftSupport *>();
    QVERIFY(m_shift);
    if (editing)
        QVERIFY(m_window->editing()->session()->setEditingEnabled(true));
}

QString TestShiftCommands::waitFinished(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(20000))
        return QStringLiteral("(no end message)");
    return spy.first().at(1).toString();
}

QString TestShiftCommands::runInsert(const std::function<void(InsertBytesDialog *)> &fill)
{
    onNextModal<InsertBytesDialog>(m_context.get(), [fill](InsertBytesDialog *d) {
        fill(d);
        auto *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        if (!ok->isEnabled())
            qWarning("insert dialog: %s", qPrintable(d->findChild<QLabel *>(QStringLiteral("insertError"))->text()));
        ok->click();
    });
    m_shift->insertBytes->trigger();
    return m_shift->lastMessage();
}

QString TestShiftCommands::runDelete(const std::function<void(DeleteRangeDialog *)> &fill)
{
    onNextModal<DeleteRangeDialog>(m_context.get(), [fill](DeleteRangeDialog *d) {
        fill(d);
        d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    m_shift->deleteRange->trigger();
    return m_shift->lastMessage();
}

void TestShiftCommands::captureRefusal(QString *text)
{
    onNextModal<QMessageBox>(m_context.get(), [text](QMessageBox *box) {
        if (box->objectName() == QLatin1String("shiftRefused"))
            *text = box->text();
        box->reject();
    });
}

QString TestShiftCommands::saveNow()
{
    QSignalSpy done(saver(), &ShiftSaver::finished);
    m_window->editing()->save->trigger();
    if (done.isEmpty() && !done.wait(20000))
        return QStringLiteral("(no end message)");
    return done.first().at(1).toString();
}

void TestShiftCommands::insertHexBytes()
{
    openWindow();
    Document *doc = m_window->currentDocument();
    doc->bookmarks()->toggle(0x800);  // before the point: stays
    doc->bookmarks()->toggle(0x2000); // after it: moves by 4
    m_window->hexView()->setCursorOffset(0x1000);
    const QString message = runInsert([](InsertBytesDialog *d) {
        QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("insertOffset"))->text(), QStringLiteral("0x1000"));
        d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->setText(QStringLiteral("DE AD BE EF"));
    });
    QCOMPARE(message, QStringLiteral("Inserted 4 bytes at 0x1000 (unsaved: File > Save writes it)"));
    Bytes expected = pattern(FileSize);
    QCOMPARE(jobtest::preadAll(m_path, FileSize + 100), expected); // an unsaved edit: the file is untouched
    QCOMPARE(doc->size(), FileSize + 4);
    QCOMPARE(m_window->hexView()->documentSize(), FileSize + 4);
    QVERIFY(doc->session()->needsShiftSave());
    QCOMPARE(saveNow(), QStringLiteral("Saved shift.bin (64.00 KiB)"));
    const Bytes inserted = {0xDE, 0xAD, 0xBE, 0xEF};
    expected.insert(expected.begin() + 0x1000, inserted.begin(), inserted.end());
    QCOMPARE(jobtest::preadAll(m_path, FileSize + 100), expected);
    QVERIFY(!doc->isModified());
    QCOMPARE(doc->fileSize(), FileSize + 4);
    QCOMPARE(m_window->hexView()->readableSize(), FileSize + 4);
    QVERIFY(m_window->statusWidgets()->sizeText().contains(QString::number(FileSize + 4)));
    QCOMPARE(m_window->hexView()->cursorOffset(), 0x1000ull);
    QCOMPARE(doc->bookmarks()->items().size(), std::size_t(2));
    QCOMPARE(doc->bookmarks()->items()[0].offset, 0x800ull);
    QCOMPARE(doc->bookmarks()->items()[1].offset, 0x2004ull);
    QVERIFY(doc->isWritable()); // editing stays enabled
    // The dialog remembers what was typed (the offset follows the cursor).
    m_window->hexView()->setCursorOffset(0x10);
    QString seen;
    onNextModal<InsertBytesDialog>(m_context.get(), [&seen](InsertBytesDialog *d) {
        seen = d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->text() + QLatin1Char('@')
            + d->findChild<QLineEdit *>(QStringLiteral("insertOffset"))->text();
        d->reject();
    });
    m_shift->insertBytes->trigger();
    QCOMPARE(seen, QStringLiteral("DE AD BE EF@0x10"));
    QVERIFY(!doc->isModified()); // rejected: no edit
}

void TestShiftCommands::insertFill1MiB()
{
    openWindow();
    m_window->hexView()->setCursorOffset(0x100);
    const QString message = runInsert([](InsertBytesDialog *d) {
        auto *source = d->findChild<QComboBox *>(QStringLiteral("insertSource"));
        source->setCurrentIndex(source->findData(int(Source::FillByte)));
        d->findChild<QLineEdit *>(QStringLiteral("insertFillByte"))->setText(QStringLiteral("0xAB"));
        d->findChild<QLineEdit *>(QStringLiteral("insertCount"))->setText(QStringLiteral("1M"));
    });
    QCOMPARE(message, QStringLiteral("Inserted 1048576 bytes at 0x100 (unsaved: File > Save writes it)"));
    QCOMPARE(m_window->currentDocument()->size(), FileSize + (1u << 20));
    // Undo takes the insert back whole; Redo puts it back.
    m_window->editing()->undo->trigger();
    QCOMPARE(m_window->currentDocument()->size(), FileSize);
    QVERIFY(!m_window->currentDocument()->isModified());
    m_window->editing()->redo->trigger();
    QCOMPARE(saveNow(), QStringLiteral("Saved shift.bin (1.06 MiB)"));
    Bytes expected = pattern(FileSize);
    expected.insert(expected.begin() + 0x100, std::size_t(1) << 20, 0xAB);
    QCOMPARE(jobtest::preadAll(m_path, FileSize + (2u << 20)), expected);
    QCOMPARE(m_window->currentDocument()->size(), FileSize + (1u << 20));
    QCOMPARE(m_window->hexView()->readableSize(), FileSize + (1u << 20));
}

void TestShiftCommands::deleteSelection()
{
    openWindow();
    Document *doc = m_window->currentDocument();
    doc->bookmarks()->toggle(0x18);  // inside the deleted range: dropped
    doc->bookmarks()->toggle(0x100); // after it: moves down by 0x20
    m_window->hexView()->setSelection(ByteRange{0x10, 0x20});
    const QString message = runDelete([](DeleteRangeDialog *d) {
        QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("deleteOffset"))->text(), QStringLiteral("0x10"));
        QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("deleteLength"))->text(), QStringLiteral("32"));
    });
    QCOMPARE(message, QStringLiteral("Deleted 32 bytes at 0x10 (unsaved: File > Save writes it)"));
    QCOMPARE(doc->size(), FileSize - 0x20);
    QCOMPARE(saveNow(), QStringLiteral("Saved shift.bin (63.97 KiB)"));
    Bytes expected = pattern(FileSize);
    expected.erase(expected.begin() + 0x10, expected.begin() + 0x30);
    QCOMPARE(jobtest::preadAll(m_path, FileSize), expected);
    QCOMPARE(doc->size(), FileSize - 0x20);
    QCOMPARE(m_window->hexView()->readableSize(), FileSize - 0x20);
    QCOMPARE(m_window->hexView()->cursorOffset(), 0x10ull);
    QCOMPARE(doc->bookmarks()->items().size(), std::size_t(1));
    QCOMPARE(doc->bookmarks()->items()[0].offset, 0xE0ull);
}

void TestShiftCommands::deleteAtEnd()
{
    openWindow();
    const QString message = runDelete([](DeleteRangeDialog *d) {
        d->findChild<QLineEdit *>(QStringLiteral("deleteOffset"))->setText(QStringLiteral("-16"));
        d->findChild<QLineEdit *>(QStringLiteral("deleteLength"))->setText(QStringLiteral("16"));
    });
    QCOMPARE(message, QStringLiteral("Deleted 16 bytes at 0xFFF0 (unsaved: File > Save writes it)"));
    QCOMPARE(m_window->hexView()->cursorOffset(), FileSize - 17); // the point is the end: the last byte
    QCOMPARE(saveNow(), QStringLiteral("Saved shift.bin (63.98 KiB)"));
    Bytes expected = pattern(FileSize);
    expected.resize(FileSize - 16);
    QCOMPARE(jobtest::preadAll(m_path, FileSize), expected);
    QCOMPARE(m_window->currentDocument()->size(), FileSize - 16);
}

void TestShiftCommands::refusals_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QString>("says");
    QTest::newRow("editing off") << "editingOff" << false << "enable editing first (Edit > Enable Editing, Ctrl+E)";
    QTest::newRow("editing off, delete") << "editingOff" << true << "enable editing first";
    QTest::newRow("empty file delete") << "empty" << true << "is empty: there is nothing to delete";
}

void TestShiftCommands::refusals()
{
    QFETCH(QString, state);
    QFETCH(bool, remove);
    QFETCH(QString, says);
    if (state == QLatin1String("empty"))
        writeFile({});
    openWindow(state != QLatin1String("editingOff"));
    const Bytes before = jobtest::preadAll(m_path, FileSize + 100);
    QString boxText;
    captureRefusal(&boxText);
    (remove ? m_shift->deleteRange : m_shift->insertBytes)->trigger();
    QTRY_VERIFY(!boxText.isEmpty());
    QVERIFY2(boxText.contains(says), qPrintable(boxText));
    QVERIFY(boxText.contains(QStringLiteral("shift.bin")));
    QCOMPARE(m_shift->lastMessage(), boxText);
    QVERIFY(!m_window->findChild<InsertBytesDialog *>()); // refused before the dialog
    QCOMPARE(jobtest::preadAll(m_path, FileSize + 100), before);
    QVERIFY(!m_window->currentDocument()->isModified());
}

void TestShiftCommands::saveRefusedWhenChangedOnDisk()
{
    openWindow();
    runInsert([](InsertBytesDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->setText(QStringLiteral("01")); });
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write("more", 4), qint64(4));
    f.close();
    const Bytes before = jobtest::preadAll(m_path, FileSize + 100);
    QString boxText;
    captureRefusal(&boxText);
    m_window->editing()->save->trigger();
    QTRY_VERIFY(!boxText.isEmpty());
    QVERIFY2(boxText.contains(QStringLiteral("“shift.bin” changed on disk since it was opened: it cannot be saved in "
                                             "place. Use File > Save As…")),
             qPrintable(boxText));
    QCOMPARE(jobtest::preadAll(m_path, FileSize + 100), before); // nothing written
    QVERIFY(m_window->currentDocument()->isModified());          // the edits are never dropped silently
    QCOMPARE(m_window->currentDocument()->size(), FileSize + 1);
}

void TestShiftCommands::largeSaveAsksFirst()
{
    // 300 MiB, sparse: a 1-byte insert at 0 moves all of it, above ShiftSaver::kAskAbove.
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(f.resize(qint64(300) << 20));
    }
    openWindow();
    m_window->hexView()->setCursorOffset(0);
    runInsert([](InsertBytesDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->setText(QStringLiteral("01")); });
    QString question;
    onNextModal<QMessageBox>(m_context.get(), [&question](QMessageBox *box) {
        QCOMPARE(box->objectName(), QStringLiteral("shiftConfirmation"));
        question = box->text();
        QCOMPARE(box->defaultButton(), buttonWithRole(box, QMessageBox::RejectRole)); // Cancel
        box->defaultButton()->click();
    });
    m_window->editing()->save->trigger();
    QTRY_VERIFY(!question.isEmpty());
    QVERIFY2(question.startsWith(QStringLiteral("Save moves 300.00 MiB from offset 0x0 in place and writes 1 B; about ")),
             qPrintable(question));
    QVERIFY(question.contains(QStringLiteral("Save As…")));
    QVERIFY(!saver()->isRunning());
    QCOMPARE(QFileInfo(m_path).size(), qint64(300) << 20); // declined: nothing written
    QVERIFY(m_window->currentDocument()->isModified());
}

void TestShiftCommands::emptyFileGrowsAndSaves()
{
    writeFile({});
    openWindow();
    EditSession *s = m_window->currentDocument()->session();
    QVERIFY(s->setInsertMode(true));
    const std::byte ab[] = {std::byte{'A'}, std::byte{'B'}};
    QVERIFY(s->insertBytes(0, ab, EditCommand::Kind::Paste));
    QCOMPARE(m_window->hexView()->documentSize(), 2ull);
    QCOMPARE(saveNow(), QStringLiteral("Saved shift.bin (2 B)"));
    QCOMPARE(jobtest::preadAll(m_path, 100), (Bytes{'A', 'B'}));
    QCOMPARE(m_window->currentDocument()->fileSize(), 2ull);
    QVERIFY(!m_window->currentDocument()->isModified());
}

void TestShiftCommands::refusedWhileAJobRuns()
{
    openWindow();
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, FileSize};
    spec.threads = 1;
    spec.chunkSize = 4096;
    spec.fillByte = std::byte{0x5A};
    auto job = m_window->jobs()->startJob(spec, [](Job &j) { j.pauseAfterChunks(1); });
    QVERIFY2(job, job ? "" : job.message().c_str());
    QVERIFY(m_window->currentDocument()->hasRunningJobs());
    runInsert([](InsertBytesDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->setText(QStringLiteral("01")); });
    QVERIFY(m_window->currentDocument()->isModified()); // inserting is an edit: allowed; saving is not
    const QString why = ShiftSaver::refusal(m_window->currentDocument());
    QVERIFY2(why.contains(QStringLiteral("A job is running on “shift.bin”")), qPrintable(why));
    QString boxText;
    onNextModal<QMessageBox>(m_context.get(), [&boxText](QMessageBox *box) {
        boxText = box->text();
        box->reject();
    });
    m_window->editing()->save->trigger();
    QTRY_COMPARE(boxText, why);
    (*job)->cancel();
}

void TestShiftCommands::cancelPartWayCompletesOnNextOpen_data()
{
    QTest::addColumn<bool>("recoverNow"); // else: close the window and open the file again
    QTest::newRow("next open") << false;
    QTest::newRow("Recover Now") << true;
}

void TestShiftCommands::cancelPartWayCompletesOnNextOpen()
{
    QFETCH(bool, recoverNow);
    constexpr std::uint64_t Size = 1u << 20; // 16 steps of 64 KiB for a 1-byte insert at 0
    const Bytes original = pattern(Size);
    writeFile(original);
    openWindow();
    std::atomic<bool> reached{false};
    std::atomic<bool> release{false};
    ShiftSaveOptions options;
    options.hook = [&](ShiftPoint point, std::uint64_t step) { // the save thread: blocks at step 3 until released
        if (point == ShiftPoint::BeforeWrite && step == 3) {
            reached.store(true);
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return ShiftHookAction::Continue;
    };
    saver()->setSaveOptions(options);
    m_window->hexView()->setCursorOffset(0);
    runInsert([](InsertBytesDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->setText(QStringLiteral("77")); });
    QSignalSpy done(saver(), &ShiftSaver::finished);
    m_window->editing()->save->trigger();
    QTRY_VERIFY(reached.load());
    // The GUI thread keeps processing events while the save thread is blocked mid-way.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
    timer.start(5);
    QTRY_VERIFY(ticks >= 3);
    QVERIFY(saver()->isRunning());
    QCOMPARE(ShiftSaver::refusal(m_window->currentDocument()),
             QStringLiteral("A save is already running on “shift.bin”: wait for it to finish."));
    auto *progress = m_window->findChild<QProgressDialog *>(QStringLiteral("shiftProgress"));
    QVERIFY(progress);
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->windowModality(), Qt::WindowModal);
    QString resultText;
    bool hadRecover = false;
    onNextModal<QMessageBox>(m_context.get(), [&, recoverNow](QMessageBox *box) {
        QCOMPARE(box->objectName(), QStringLiteral("shiftResult"));
        resultText = box->text();
        auto *recover = box->findChild<QPushButton *>(QStringLiteral("shiftRecover"));
        hadRecover = recover != nullptr;
        if (recover && recoverNow)
            recover->click();
        else
            box->reject();
    });
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click(); // what the user does (QProgressDialog::cancel() alone does not emit canceled())
    release.store(true);
    const QString message = waitFinished(done);
    QTRY_VERIFY2(!resultText.isEmpty(), qPrintable(message));
    QCOMPARE(resultText, message);
    Bytes expected = original;
    expected.insert(expected.begin(), 0x77);
    // Blocked at step 3 (steps 0-2 written): a cancel there always leaves the file part-way.
    QCOMPARE(message, QStringLiteral("Save cancelled part-way: shift.bin will be completed the next time it is opened "
                                     "(or now: Recover)."));
    QVERIFY(hadRecover);
    QVERIFY(jobtest::preadAll(m_path, Size + 100) != original);
    if (recoverNow) {
        QTRY_COMPARE(m_window->currentDocument()->size(), Size + 1);
    } else {
        m_window.reset(); // close; then open again: the journal completes the insert
        openWindow(false);
        QCOMPARE(m_window->currentDocument()->size(), Size + 1);
        QVERIFY(!m_window->currentDocument()->recoveryMessage().isEmpty());
    }
    QCOMPARE(jobtest::preadAll(m_path, Size + 100), expected);
}

void TestShiftCommands::closingTheWindowWaitsAndTheJournalCompletes()
{
    constexpr std::uint64_t Size = 1u << 20;
    const Bytes original = pattern(Size);
    writeFile(original);
    openWindow();
    auto reached = std::make_shared<std::atomic<bool>>(false);
    auto release = std::make_shared<std::atomic<bool>>(false);
    ShiftSaveOptions options;
    options.hook = [reached, release](ShiftPoint point, std::uint64_t step) {
        if (point == ShiftPoint::BeforeWrite && step == 2) {
            reached->store(true);
            while (!release->load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return ShiftHookAction::Continue;
    };
    saver()->setSaveOptions(options);
    // The Document's destruction (closing the window) deletes its ShiftRunner, which cancels and joins: let the
    // blocked step go on once that starts. (The window disconnects the Document's own signals before deleting it;
    // a child created before the runner is deleted just before it.)
    auto *sentinel = new QObject(m_window->currentDocument());
    connect(sentinel, &QObject::destroyed, [release] { release->store(true); });
    m_window->hexView()->setCursorOffset(0x8000);
    runInsert([](InsertBytesDialog *d) { d->findChild<QLineEdit *>(QStringLiteral("insertHex"))->setText(QStringLiteral("01 02")); });
    m_window->editing()->save->trigger();
    QTRY_VERIFY(reached->load());
    QVERIFY(saver()->isRunning());
    m_context.reset();
    m_window.reset(); // returns once the save thread stopped (after its current step)
    QVERIFY(release->load());
    QVERIFY(jobtest::preadAll(m_path, Size + 100) != original); // part-way: journalled
    m_context = std::make_unique<QObject>();
    openWindow(false); // the journal completes the insert
    Bytes expected = original;
    expected.insert(expected.begin() + 0x8000, {0x01, 0x02});
    QCOMPARE(m_window->currentDocument()->size(), Size + 2);
    QCOMPARE(jobtest::preadAll(m_path, Size + 100), expected);
}

QTEST_MAIN(TestShiftCommands)
#include "tst_shiftcommands.moc"
