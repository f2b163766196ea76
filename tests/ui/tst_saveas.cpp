// File > Save As… and Edit > Export Selection… (issue 15): through the real actions on a temp file, the new file
// holds the bytes as shown (file + unsaved edits), Save As continues in the new file (edits saved, editing mode
// kept, the old file untouched), Export leaves the document as it was, and a failure names the destination, writes
// nothing and keeps the edits. (CopyOut's holes, full disk, cancel and replace cases: tst_copyout.)
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/edit/editingsupport.h"
#include "ui/edit/saveassupport.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sys/stat.h>

using namespace hexmap;

namespace {

QByteArray pattern(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = char((i * 13 + i / 509) & 0xFF);
    return b;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

std::span<const std::byte> bytesOf(const char *text)
{
    return {reinterpret_cast<const std::byte *>(text), std::strlen(text)};
}

} // namespace

class TestSaveAs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void saveAsWritesEditsAndContinuesInTheCopy();
    void saveAsOfAReadOnlyFile();
    void exportSelectionLeavesTheDocument();
    void exportWithoutSelectionIsRefused();
    void failureNamesTheDestinationAndKeepsEdits();

private:
    void openWindow(bool editing);
    QString runAndWait(QAction *action, const QString &destination);

    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_bytes;
    std::unique_ptr<MainWindow> m_window;
    SaveAsSupport *m_saveAs = nullptr;
};

void TestSaveAs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_saveas"));
    QVERIFY(m_dir.isValid());
    qputenv("HEXMAP_JOURNAL_DIR", m_dir.filePath(QStringLiteral("journals")).toLocal8Bit());
}

void TestSaveAs::init()
{
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("source.bin"));
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    m_bytes = pattern(300 * 1024 + 5);
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(m_bytes), qint64(m_bytes.size()));
}

void TestSaveAs::cleanup()
{
    if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
        box->reject();
    if (m_window)
        m_window->editing()->setPrompt([] { return QMessageBox::Discard; });
    m_window.reset();
    m_saveAs = nullptr;
}

void TestSaveAs::openWindow(bool editing)
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_saveAs = m_window->findChild<SaveAsSupport *>();
    QVERIFY(m_saveAs);
    if (editing)
        QVERIFY(m_window->editing()->session()->setEditingEnabled(true));
}

QString TestSaveAs::runAndWait(QAction *action, const QString &destination)
{
    QSignalSpy done(m_saveAs, &SaveAsSupport::copyFinished);
    QString askedTitle;
    m_saveAs->setPathPrompt([&](const QString &title, const QString &) {
        askedTitle = title;
        return destination;
    });
    action->trigger();
    if (done.isEmpty() && !done.wait(20000))
        return QStringLiteral("(no end message)");
    return done.first().first().toString();
}

void TestSaveAs::saveAsWritesEditsAndContinuesInTheCopy()
{
    openWindow(true);
    Document *doc = m_window->currentDocument();
    EditSession *session = doc->session();
    QVERIFY(session->writeBytes(0x10, bytesOf("HELLO"), EditCommand::Kind::Paste));
    QVERIFY(session->writeBytes(m_bytes.size() - 2, bytesOf("Z"), EditCommand::Kind::Paste));
    QVERIFY(session->insertBytes(0x100, bytesOf("INS"), EditCommand::Kind::Insert)); // the copy has its size
    QVERIFY(session->erase({0x200, 0x10}, EditCommand::Kind::Delete));
    QVERIFY(doc->isModified());
    const QString copy = m_dir.filePath(QStringLiteral("copy.bin"));
    const QString message = runAndWait(m_saveAs->saveAs, copy);
    QVERIFY2(message.startsWith(QStringLiteral("Saved as copy.bin")), qPrintable(message));
    QByteArray expected = m_bytes;
    expected.replace(0x10, 5, "HELLO");
    expected[expected.size() - 2] = 'Z';
    expected.insert(0x100, "INS");
    expected.remove(0x200, 0x10);
    QCOMPARE(readFile(copy), expected);
    QCOMPARE(readFile(m_path), m_bytes); // the original is not written
    QCOMPARE(doc->displayPath(), QFileInfo(copy).canonicalFilePath());
    QVERIFY(!doc->isModified());
    QVERIFY(doc->isWritable()); // editing stays on, now in the copy
    QCOMPARE(m_window->windowTitle().contains(QStringLiteral("copy.bin")), true);
}

void TestSaveAs::saveAsOfAReadOnlyFile()
{
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner));
    openWindow(false);
    const QString copy = m_dir.filePath(QStringLiteral("from-readonly.bin"));
    const QString message = runAndWait(m_saveAs->saveAs, copy);
    QVERIFY2(message.startsWith(QStringLiteral("Saved as")), qPrintable(message));
    QCOMPARE(readFile(copy), m_bytes);
    QVERIFY(!m_window->currentDocument()->isWritable());
}

void TestSaveAs::exportSelectionLeavesTheDocument()
{
    openWindow(true);
    Document *doc = m_window->currentDocument();
    QVERIFY(doc->session()->writeBytes(0x1000, bytesOf("abc"), EditCommand::Kind::Paste));
    m_window->hexView()->setSelection({0xFFE, 0x2000});
    const QString part = m_dir.filePath(QStringLiteral("part.bin"));
    const QString message = runAndWait(m_saveAs->exportSelection, part);
    QCOMPARE(message, QStringLiteral("Exported 8.00 KiB from 0xffe to part.bin"));
    QByteArray expected = m_bytes.mid(0xFFE, 0x2000);
    expected.replace(2, 3, "abc");
    QCOMPARE(readFile(part), expected);
    QCOMPARE(doc->displayPath(), QFileInfo(m_path).canonicalFilePath());
    QVERIFY(doc->isModified()); // the edits stay unsaved in the document
}

void TestSaveAs::exportWithoutSelectionIsRefused()
{
    openWindow(false);
    const QString part = m_dir.filePath(QStringLiteral("nothing.bin"));
    const QString message = runAndWait(m_saveAs->exportSelection, part);
    QCOMPARE(message, QStringLiteral("Select the bytes to export first."));
    QVERIFY(!QFile::exists(part));
}

void TestSaveAs::failureNamesTheDestinationAndKeepsEdits()
{
    openWindow(true);
    Document *doc = m_window->currentDocument();
    QVERIFY(doc->session()->writeBytes(0, bytesOf("X"), EditCommand::Kind::Paste));
    const QString bad = m_dir.filePath(QStringLiteral("no-such-folder/copy.bin"));
    const QString message = runAndWait(m_saveAs->saveAs, bad);
    QVERIFY2(message.startsWith(QStringLiteral("Could not write ") + bad), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("No such file or directory")));
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("copyResult"));
    QVERIFY(box);
    QCOMPARE(box->text(), message);
    QCOMPARE(doc->displayPath(), QFileInfo(m_path).canonicalFilePath());
    QVERIFY(doc->isModified());
}

QTEST_MAIN(TestSaveAs)
#include "tst_saveas.moc"
