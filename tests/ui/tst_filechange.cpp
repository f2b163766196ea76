// Files changed under the window: the banner appears with the right text when the open file is truncated or
// changed on disk by someone else; Reload shows the new size and keeps the cursor (clamped); Close closes.
// Reload with unsaved edits: no Save/Discard question, nothing written, the edits that fit are kept (unsaved, one
// undo step, saved by Save), those past the new end are dropped and the message names the file and the count.
// Issue 13: another program writing the file while it is edited is reported (mtime watch in both modes) and says
// so when there are unsaved edits; our own jobs are not reported; a "changed" banner becomes "truncated".
// (Absent bytes past a cut, jobs on a replaced file and the write lock in the window: tst_filechangewriters.)
#include "ui/edit/editingsupport.h"
#include "ui/document/editsession.h"
#include "ui/pane/filechangebanner.h"
#include "ui/window/filechangesupport.h"
#include "ui/document/filewatcher.h"
#include "ui/view/hexview.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/mainwindow.h"

#include <QFile>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace hexmap;

class TestFileChange : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void truncatedShowsBannerAndReloads();
    void growthShowsChangedBanner();
    void closeButtonClosesTheFile();
    void noBannerWithoutChanges();
    void reloadKeepsEditsThatFit();
    void reloadAfterGrowthKeepsAllEdits();
    void reloadKeepsEditingWithoutEdits();
    void reloadFailureKeepsEdits();
    void anotherProgramWritingWhileEditing_data();
    void anotherProgramWritingWhileEditing();
    void ownJobIsNotReported();
    void changedBannerUpgradedToTruncated();

private:
    QString makeFile(const QString &name, qint64 size);
    // Opens `path`, enables editing and makes any Save/Discard question fail the test (counted in m_prompts).
    FileChangeSupport *openForEditing(MainWindow &window, const QString &path);
    static QByteArray displayed(EditSession *session, std::uint64_t offset, std::size_t count);
    static bool write(EditSession *session, std::uint64_t offset, const QByteArray &bytes);
    int m_prompts = 0;
    FileChangeSupport *supportOf(MainWindow &window);
    QTemporaryDir m_dir;
};

void TestFileChange::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filechange"));
    QVERIFY(m_dir.isValid());
}

QString TestFileChange::makeFile(const QString &name, qint64 size)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray bytes(size, '\0');
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = static_cast<char>(i & 0xFF);
    file.write(bytes);
    return path;
}

FileChangeSupport *TestFileChange::supportOf(MainWindow &window)
{
    // The window creates one; fall back to attaching one so that the banner logic is tested either way.
    auto *support = window.findChild<FileChangeSupport *>();
    if (!support)
        support = new FileChangeSupport(&window);
    support->watcher()->setPollInterval(20);
    return support;
}

void TestFileChange::truncatedShowsBannerAndReloads()
{
    const QString path = makeFile(QStringLiteral("shrinks.bin"), 64 * 1024);
    MainWindow window;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    window.hexView()->setCursorOffset(50000);
    QVERIFY(!support->isBannerShown());

    QVERIFY(QFile::resize(path, 10000)); // another process cuts the file
    QTRY_VERIFY(support->isBannerShown());
    QVERIFY(support->banner()->isVisible());
    QCOMPARE(support->banner()->message(), QStringLiteral("shrinks.bin was truncated on disk to 10000 bytes"));

    QTest::mouseClick(support->banner()->reloadButton(), Qt::LeftButton);
    QCOMPARE(window.hexView()->file().size(), 10000u);
    QCOMPARE(window.hexView()->cursorOffset(), 9999u); // kept, clamped to the new last byte
    QVERIFY(!support->isBannerShown());
    QCOMPARE(support->lastReloadMessage(), QStringLiteral("Reloaded shrinks.bin (10000 bytes)"));
    QVERIFY(!window.hexView()->file().isWritable()); // read-only stays read-only

    // Shrinking again after the reload is reported again, and Reload keeps a cursor that still fits.
    window.hexView()->setCursorOffset(1234);
    QVERIFY(QFile::resize(path, 5000));
    QTRY_COMPARE(support->banner()->message(), QStringLiteral("shrinks.bin was truncated on disk to 5000 bytes"));
    QVERIFY(support->isBannerShown());
    support->banner()->reloadButton()->click();
    QCOMPARE(window.hexView()->file().size(), 5000u);
    QCOMPARE(window.hexView()->cursorOffset(), 1234u);
}

void TestFileChange::growthShowsChangedBanner()
{
    const QString path = makeFile(QStringLiteral("grows.bin"), 4096);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(QByteArray(100, 'x')), qint64(100));
    f.close();
    QTRY_VERIFY(support->isBannerShown());
    QCOMPARE(support->banner()->message(), QStringLiteral("grows.bin changed on disk"));
    support->banner()->reloadButton()->click();
    QCOMPARE(window.hexView()->file().size(), 4196u);
    QVERIFY(!support->isBannerShown());
}

void TestFileChange::closeButtonClosesTheFile()
{
    const QString path = makeFile(QStringLiteral("closes.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    QVERIFY(QFile::resize(path, 100));
    QTRY_VERIFY(support->isBannerShown());
    support->banner()->closeButton()->click();
    QVERIFY(!window.hasFile());
    QVERIFY(!support->isBannerShown());
}

void TestFileChange::noBannerWithoutChanges()
{
    const QString path = makeFile(QStringLiteral("calm.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    // Many polls (20 ms each) without a change: no banner. Reading the file does not count as a change.
    QSignalSpy truncated(support->watcher(), &FileWatcher::truncated);
    QSignalSpy changed(support->watcher(), &FileWatcher::changedOnDisk);
    for (int i = 0; i < 10; ++i)
        support->watcher()->check();
    QCOMPARE(truncated.count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!support->isBannerShown());
}

FileChangeSupport *TestFileChange::openForEditing(MainWindow &window, const QString &path)
{
    m_prompts = 0;
    window.setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    window.editing()->setPrompt([this] {
        ++m_prompts; // a modal question here would block a real user's reload
        return QMessageBox::Cancel;
    });
    FileChangeSupport *support = supportOf(window);
    window.show();
    if (!window.openFile(path) || !window.editing()->session()->setEditingEnabled(true))
        return nullptr;
    return support;
}

QByteArray TestFileChange::displayed(EditSession *session, std::uint64_t offset, std::size_t count)
{
    QByteArray out(qsizetype(count), '\0');
    const std::size_t n = session->readDisplayed(offset, std::as_writable_bytes(std::span(out.data(), count)));
    out.resize(qsizetype(n));
    return out;
}

bool TestFileChange::write(EditSession *session, std::uint64_t offset, const QByteArray &bytes)
{
    return session->writeBytes(offset, std::as_bytes(std::span(bytes.constData(), std::size_t(bytes.size()))),
                               EditCommand::Kind::Paste);
}

static QByteArray readDisk(const QString &path)
{
    QFile f(path); // a fresh descriptor: read(2), never the window's mapping
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestFileChange::reloadKeepsEditsThatFit()
{
    const QString path = makeFile(QStringLiteral("edited.bin"), 64 * 1024);
    MainWindow window;
    FileChangeSupport *support = openForEditing(window, path);
    QVERIFY(support);
    EditSession *session = window.editing()->session();
    QVERIFY(write(session, 0, QByteArray::fromHex("aabbcc")));        // kept
    QVERIFY(write(session, 100, QByteArray::fromHex("11")));          // kept
    QVERIFY(write(session, 39998, QByteArray::fromHex("01020304"))); // crosses the new end: 2 kept, 2 dropped
    QVERIFY(write(session, 60000, QByteArray::fromHex("deadbeef"))); // past the new end: dropped
    window.hexView()->setCursorOffset(50000);
    QVERIFY(window.isWindowModified());

    QVERIFY(QFile::resize(path, 40000)); // another process cuts the file
    QTRY_VERIFY(support->isBannerShown());
    const QByteArray before = readDisk(path);
    QCOMPARE(before.size(), 40000);
    QSignalSpy reloaded(support, &FileChangeSupport::reloaded);
    support->banner()->reloadButton()->click();

    QCOMPARE(m_prompts, 0);
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(readDisk(path), before); // the reload wrote nothing
    QCOMPARE(session->file().size(), 40000u);
    QCOMPARE(window.hexView()->file().size(), 40000u);
    QVERIFY(session->isEditingEnabled());
    QVERIFY(session->file().isWritable());
    QVERIFY(session->isModified());
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.hexView()->cursorOffset(), 39999u);
    QCOMPARE(displayed(session, 0, 4), QByteArray::fromHex("aabbcc03"));
    QCOMPARE(displayed(session, 99, 3), QByteArray::fromHex("631165"));
    QCOMPARE(displayed(session, 39996, 8), QByteArray::fromHex("3c3d0102")); // clamped at the new end
    QCOMPARE(session->editedBytes(), 6u);
    const QString expected =
        QStringLiteral("Reloaded edited.bin: kept 6 edited bytes, dropped 6 bytes past the new end (0x9C40)");
    QCOMPARE(support->lastReloadMessage(), expected);
    QCOMPARE(reloaded.first().first().toString(), expected);
    QCOMPARE(window.statusBar()->currentMessage(), expected);
    // Dropped edits are lost work: the banner stays up with the notice (Dismiss only) until dismissed.
    QVERIFY(support->isBannerShown());
    QVERIFY(support->banner()->isNotice());
    QCOMPARE(support->banner()->message(), expected);
    QVERIFY(support->banner()->dismissButton()->isVisible());
    QVERIFY(!support->banner()->reloadButton()->isVisible());
    support->banner()->dismissButton()->click();
    QVERIFY(!support->isBannerShown());

    // One undo step takes every carried edit off; redo puts them back.
    QUndoStack *undo = session->undoStack();
    QCOMPARE(undo->count(), 1);
    undo->undo();
    QVERIFY(!session->isModified());
    QVERIFY(!window.isWindowModified());
    QCOMPARE(displayed(session, 0, 3), QByteArray::fromHex("000102"));
    undo->redo();
    QVERIFY(session->isModified());
    QCOMPARE(displayed(session, 0, 3), QByteArray::fromHex("aabbcc"));

    // Save writes exactly the kept edits.
    QVERIFY(session->save().ok());
    QVERIFY(!session->isModified());
    QByteArray expectedDisk = before;
    expectedDisk.replace(0, 3, QByteArray::fromHex("aabbcc"));
    expectedDisk[100] = char(0x11);
    expectedDisk.replace(39998, 2, QByteArray::fromHex("0102"));
    QCOMPARE(readDisk(path), expectedDisk);
    QCOMPARE(m_prompts, 0);
}

void TestFileChange::reloadAfterGrowthKeepsAllEdits()
{
    const QString path = makeFile(QStringLiteral("grown.bin"), 4096);
    MainWindow window;
    FileChangeSupport *support = openForEditing(window, path);
    QVERIFY(support);
    EditSession *session = window.editing()->session();
    QVERIFY(write(session, 10, QByteArray::fromHex("ff")));
    QVERIFY(write(session, 4090, QByteArray::fromHex("a1a2a3a4a5a6"))); // up to the old last byte
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(QByteArray(100, 'x')), qint64(100));
    f.close();
    QTRY_VERIFY(support->isBannerShown());
    const QByteArray before = readDisk(path);
    support->banner()->reloadButton()->click();
    QCOMPARE(m_prompts, 0);
    QCOMPARE(readDisk(path), before);
    QCOMPARE(session->file().size(), 4196u);
    QVERIFY(session->isEditingEnabled());
    QVERIFY(session->isModified());
    QCOMPARE(displayed(session, 4089, 8), QByteArray::fromHex("f9a1a2a3a4a5a6") + "x");
    QCOMPARE(displayed(session, 10, 1), QByteArray::fromHex("ff"));
    const QString expected = QStringLiteral("Reloaded grown.bin: kept all 7 edited bytes (unsaved)");
    QCOMPARE(support->lastReloadMessage(), expected);
    QCOMPARE(window.statusBar()->currentMessage(), expected);
    QVERIFY(!support->isBannerShown()); // nothing lost: no notice to dismiss
    QVERIFY(session->save().ok());
    QByteArray expectedDisk = before;
    expectedDisk[10] = char(0xff);
    expectedDisk.replace(4090, 6, QByteArray::fromHex("a1a2a3a4a5a6"));
    QCOMPARE(readDisk(path), expectedDisk);
}

void TestFileChange::reloadKeepsEditingWithoutEdits()
{
    const QString path = makeFile(QStringLiteral("plain.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = openForEditing(window, path);
    QVERIFY(support);
    EditSession *session = window.editing()->session();
    QVERIFY(QFile::resize(path, 5000));
    QTRY_VERIFY(support->isBannerShown());
    support->banner()->reloadButton()->click();
    QCOMPARE(m_prompts, 0);
    QVERIFY(session->isEditingEnabled());
    QVERIFY(window.hexView()->file().isWritable());
    QVERIFY(!session->isModified());
    QCOMPARE(session->undoStack()->count(), 0);
    QCOMPARE(support->lastReloadMessage(), QStringLiteral("Reloaded plain.bin (5000 bytes)"));
    QVERIFY(!support->isBannerShown());
    // Editing still works on the new mapping.
    QVERIFY(write(session, 4999, QByteArray::fromHex("7f")));
    QVERIFY(session->save().ok());
    QCOMPARE(readDisk(path).at(4999), char(0x7f));
}

void TestFileChange::reloadFailureKeepsEdits()
{
    const QString path = makeFile(QStringLiteral("deleted.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = openForEditing(window, path);
    QVERIFY(support);
    EditSession *session = window.editing()->session();
    QVERIFY(write(session, 5, QByteArray::fromHex("55")));
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY(support->isBannerShown());
    support->banner()->reloadButton()->click();
    QCOMPARE(m_prompts, 0);
    // A deleted file cannot be reopened: nothing changes, the banner says why (naming the file) and offers Reload
    // and Close again.
    QVERIFY(support->isBannerShown());
    QVERIFY(!support->banner()->isNotice());
    const QString message = support->banner()->message();
    QVERIFY2(message.startsWith(QStringLiteral("Cannot reload: ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("deleted.bin")), qPrintable(message));
    QVERIFY(session->isModified());
    QCOMPARE(session->editedBytes(), 1u);
    QVERIFY(support->lastReloadMessage().isEmpty());
    QVERIFY(!QFileInfo::exists(path));
    session->revert(); // let the window close without a question
}

namespace {

// Writes `bytes` at `offset` of `path` through a descriptor of its own (another program, as far as the window can
// tell), a little later than the file was opened so that the coarse kernel clock gives it another mtime.
bool writeElsewhere(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QTest::qWait(50);
    QFile f(path);
    return f.open(QIODevice::ReadWrite) && f.seek(offset) && f.write(bytes) == bytes.size();
}

JobSpec fillSpec(std::uint64_t size, std::uint8_t value)
{
    JobSpec spec;
    spec.operation = JobOperation::Fill;
    spec.range = {0, size};
    spec.threads = 1;
    spec.fillByte = std::byte{value};
    return spec;
}

} // namespace

void TestFileChange::anotherProgramWritingWhileEditing_data()
{
    QTest::addColumn<bool>("editing");
    QTest::addColumn<bool>("edits");
    QTest::addColumn<QString>("expected");
    QTest::newRow("read-only") << false << false << QStringLiteral("%1 changed on disk");
    QTest::newRow("editing") << true << false << QStringLiteral("%1 changed on disk");
    QTest::newRow("unsaved edits") << true << true
                                   << QStringLiteral("%1 was changed on disk by another program while you have "
                                                     "unsaved edits: reload to see its new bytes under your edits "
                                                     "before you save");
}

void TestFileChange::anotherProgramWritingWhileEditing()
{
    QFETCH(bool, editing);
    QFETCH(bool, edits);
    QFETCH(QString, expected);
    const QString name = QStringLiteral("written-%1.bin").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    const QString path = makeFile(name, 8192);
    MainWindow window;
    FileChangeSupport *support = editing ? openForEditing(window, path) : supportOf(window);
    QVERIFY(support);
    window.show();
    if (!editing)
        QVERIFY(window.openFile(path));
    EditSession *session = window.editing()->session();
    if (edits)
        QVERIFY(write(session, 10, QByteArray::fromHex("aabb")));
    for (int i = 0; i < 5; ++i)
        support->watcher()->check();
    QVERIFY(!support->isBannerShown());
    // Same size, other bytes: only the mtime tells (it was ignored while the file was mapped writable).
    QVERIFY(writeElsewhere(path, 4000, QByteArray::fromHex("01020304")));
    QTRY_VERIFY(support->isBannerShown());
    QCOMPARE(support->banner()->message(), expected.arg(name));
    QVERIFY(support->banner()->reloadButton()->isVisible());
    if (edits) { // Reload shows the new bytes under the kept edits
        support->banner()->reloadButton()->click();
        QCOMPARE(displayed(session, 4000, 4), QByteArray::fromHex("01020304"));
        QCOMPARE(displayed(session, 10, 2), QByteArray::fromHex("aabb"));
        QVERIFY(session->isModified());
        session->revert();
    }
}

void TestFileChange::ownJobIsNotReported()
{
    const QString path = makeFile(QStringLiteral("own-job.bin"), 1 << 20);
    MainWindow window;
    FileChangeSupport *support = openForEditing(window, path);
    QVERIFY(support);
    QSignalSpy changed(support->watcher(), &FileWatcher::changedOnDisk);
    for (int round = 0; round < 2; ++round) { // twice: the second job must not be refused by the first's writes
        auto job = window.jobs()->startJob(fillSpec(1 << 20, std::uint8_t(0x5A + round)));
        QVERIFY2(job.ok(), job.message().c_str());
        QTRY_VERIFY((*job)->isFinished());
        QCOMPARE(readDisk(path), QByteArray(1 << 20, char(0x5A + round)));
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(20);
            support->watcher()->check();
        }
    }
    QCOMPARE(changed.count(), 0);
    QVERIFY(!support->isBannerShown());
    // Save's identity check (issue 13, row 2) must take the jobs' writes as ours too: an edit after them saves.
    EditSession *session = window.editing()->session();
    QVERIFY(write(session, 100, QByteArrayLiteral("\x01\x02")));
    const auto saved = session->save();
    QVERIFY2(saved.ok(), saved.summary().c_str());
    QByteArray expected(1 << 20, char(0x5B));
    expected[100] = 0x01;
    expected[101] = 0x02;
    QCOMPARE(readDisk(path), expected);
}

void TestFileChange::changedBannerUpgradedToTruncated()
{
    const QString path = makeFile(QStringLiteral("upgraded.bin"), 8192);
    MainWindow window;
    FileChangeSupport *support = supportOf(window);
    window.show();
    QVERIFY(window.openFile(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(QByteArray(100, 'x')), qint64(100));
    f.close();
    QTRY_VERIFY(support->isBannerShown());
    QCOMPARE(support->banner()->message(), QStringLiteral("upgraded.bin changed on disk"));
    QVERIFY(QFile::resize(path, 3000)); // now it is cut below what the window shows
    QTRY_COMPARE(support->banner()->message(), QStringLiteral("upgraded.bin was truncated on disk to 3000 bytes"));
    QVERIFY(QFile::resize(path, 1000)); // and cut again
    QTRY_COMPARE(support->banner()->message(), QStringLiteral("upgraded.bin was truncated on disk to 1000 bytes"));
}

QTEST_MAIN(TestFileChange)
#include "tst_filechange.moc"
