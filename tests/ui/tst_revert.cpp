// Issue 13 row 11: Edit > Revert Unsaved Edits asks first, naming the exact bytes, the ranges and the file, with
// Cancel as the default (Enter and Escape keep the edits), and the revert is ONE undo step: Undo brings every edit
// back exactly (then Save writes them, checked with pread), Redo takes them off again. The file on disk is never
// touched by a revert. Through the real window, action and modal box (found with activeModalWidget).
#include "modaltesthelpers.h"
#include "ui/edit/editingsupport.h"
#include "ui/document/editsession.h"
#include "ui/window/mainwindow.h"

#include "jobtesthelpers.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <functional>
#include <memory>

using namespace hexmap;

namespace {

constexpr std::uint64_t FileSize = 64 * 1024;

using modaltest::onNextModal;

std::vector<std::byte> displayed(EditSession *session, std::uint64_t offset, std::size_t n)
{
    std::vector<std::byte> out(n);
    out.resize(session->readDisplayed(offset, out));
    return out;
}

} // namespace

class TestRevert : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void asksWithCountsAndKeepsOnCancel_data();
    void asksWithCountsAndKeepsOnCancel();
    void discardIsOneUndoStep();

private:
    void openAndEdit();
    void answerNext(QMessageBox::ButtonRole role, int key = 0);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<QObject> m_context; // parent of this test's modal handlers: none outlives its test
    std::unique_ptr<MainWindow> m_window;
    EditSession *m_session = nullptr;
    int m_asked = 0;
    QString m_seenText;
    QString m_seenDetails;
};

void TestRevert::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_revert"));
    QVERIFY(m_dir.isValid());
}

void TestRevert::init()
{
    m_context = std::make_unique<QObject>();
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("revert.bin"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(QByteArray(int(FileSize), 'x')), qint64(FileSize));
    m_asked = 0;
    m_seenText.clear();
    m_seenDetails.clear();
}

void TestRevert::cleanup()
{
    m_context.reset();
    if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
        box->reject();
    if (m_window)
        m_window->editing()->setPrompt([] { return QMessageBox::Discard; }); // no question on close
    m_window.reset();
}

void TestRevert::openAndEdit()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_session = m_window->editing()->session();
    QVERIFY(m_session->setEditingEnabled(true));
    const std::byte three[] = {std::byte{1}, std::byte{2}, std::byte{3}};
    const std::byte two[] = {std::byte{4}, std::byte{5}};
    QVERIFY(m_session->writeBytes(0x10, three, EditCommand::Kind::Paste));
    QVERIFY(m_session->writeBytes(0x2000, two, EditCommand::Kind::Paste));
    QVERIFY(m_session->isModified());
    QVERIFY(m_window->editing()->revert->isEnabled());
}

void TestRevert::answerNext(QMessageBox::ButtonRole role, int key)
{
    onNextModal<QMessageBox>(m_context.get(), [this, role, key](QMessageBox *box) {
        ++m_asked;
        m_seenText = box->text();
        m_seenDetails = box->informativeText();
        if (box->objectName() != QLatin1String("revertQuestion")) {
            box->reject();
            return;
        }
        if (key) {
            QTest::keyClick(box, Qt::Key(key));
            return;
        }
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == role) {
                b->click();
                return;
            }
        box->reject();
    });
}

void TestRevert::asksWithCountsAndKeepsOnCancel_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Cancel button") << 0;
    QTest::newRow("Enter (the default)") << int(Qt::Key_Return);
    QTest::newRow("Escape") << int(Qt::Key_Escape);
}

void TestRevert::asksWithCountsAndKeepsOnCancel()
{
    QFETCH(int, key);
    openAndEdit();
    answerNext(QMessageBox::RejectRole, key);
    m_window->editing()->revert->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY2(m_seenText.contains(QLatin1String("5 bytes")) && m_seenText.contains(QLatin1String("2 ranges"))
                 && m_seenText.contains(QLatin1String("revert.bin")),
             qPrintable(m_seenText));
    QVERIFY2(m_seenDetails.contains(QLatin1String("Undo")), qPrintable(m_seenDetails));
    QVERIFY(m_session->isModified()); // nothing discarded
    QCOMPARE(m_session->editedBytes(), std::uint64_t(5));
}

void TestRevert::discardIsOneUndoStep()
{
    openAndEdit();
    const auto before = *m_session->overwriteRuns();
    answerNext(QMessageBox::DestructiveRole);
    m_window->editing()->revert->trigger();
    QCOMPARE(m_asked, 1);
    QVERIFY(!m_session->isModified());
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(displayed(m_session, 0x10, 3), std::vector<std::byte>(3, std::byte{'x'}));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("Undo")),
             qPrintable(m_window->statusBar()->currentMessage()));
    const auto disk = jobtest::preadAll(m_path, FileSize);
    QCOMPARE(std::uint64_t(std::count(disk.begin(), disk.end(), 'x')), FileSize); // the file was never touched

    QVERIFY(m_window->editing()->undo->isEnabled());
    m_window->editing()->undo->trigger();
    QVERIFY(m_session->isModified());
    QCOMPARE(*m_session->overwriteRuns(), before); // every edit back, exactly
    QCOMPARE(displayed(m_session, 0x2000, 2), (std::vector<std::byte>{std::byte{4}, std::byte{5}}));

    m_window->editing()->redo->trigger();
    QVERIFY(!m_session->isModified());
    m_window->editing()->undo->trigger();
    QVERIFY(m_session->save().ok()); // the restored edits are real edits: Save writes them
    const auto saved = jobtest::preadAll(m_path, FileSize);
    QCOMPARE(int(saved[0x10]), 1);
    QCOMPARE(int(saved[0x12]), 3);
    QCOMPARE(int(saved[0x2001]), 5);
    QCOMPARE(m_asked, 1);
}

QTEST_MAIN(TestRevert)
#include "tst_revert.moc"
