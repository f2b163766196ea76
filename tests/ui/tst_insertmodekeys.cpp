// Insert mode in the real MainWindow, through the keys a user presses (issue 15): Insert toggles the mode (the
// action, the INS/OVR status label, the view's bar caret), hex digits and characters insert, Backspace and Delete
// delete, Ctrl+X cuts (clipboard + delete), Ctrl+V pastes over a selection, Ctrl+Z undoes, Ctrl+S saves through the
// shift save; the file on disk changes only at Save. With HEXMAP_SCREENSHOT_DIR set (run under xvfb-run -a with
// QT_QPA_PLATFORM=xcb for the real style and shortcuts) it saves insertmode-{light,dark,zh_CN,small}.png.
#include "ui/common/theme.h"
#include "ui/document/document.h"
#include "ui/document/editsession.h"
#include "ui/edit/editingsupport.h"
#include "ui/edit/shiftsaver.h"
#include "ui/view/hexview.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace hexmap;

class TestInsertModeKeys : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void typeDeleteCutPasteSave();
    void chineseScreenshot(); // with HEXMAP_SCREENSHOT_DIR only: a window made under the zh_CN translation

private:
    QByteArray readAll() const;
    void screenshots(MainWindow &window);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestInsertModeKeys::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test-insertkeys"));
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HEXMAP_JOURNAL_DIR", m_dir.filePath(QStringLiteral("journals")).toLocal8Bit());
    m_path = m_dir.filePath(QStringLiteral("keys.bin"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray bytes;
    for (int i = 0; i < 512; ++i)
        bytes.append(char(i & 0xFF));
    QCOMPARE(f.write(bytes), qint64(512));
}

QByteArray TestInsertModeKeys::readAll() const
{
    QFile f(m_path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestInsertModeKeys::typeDeleteCutPasteSave()
{
    const QByteArray original = readAll();
    MainWindow window;
    QVERIFY(window.openFile(m_path));
    window.resize(1000, 560);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    EditingSupport *editing = window.editing();
    editing->enableEditing->trigger();
    EditSession *s = editing->session();
    HexView *view = window.hexView();
    auto *label = window.findChild<QLabel *>(QStringLiteral("insertModeLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("OVR"));
    view->setFocus();
    view->setCursorOffset(0x10);
    QTest::keyClick(view, Qt::Key_Insert);
    QVERIFY(s->isInsertMode());
    QCOMPARE(label->text(), QStringLiteral("INS"));
    QVERIFY(view->insertMode());
    QTest::keyClicks(view, QStringLiteral("CAFE"));
    QCOMPARE(s->size(), std::uint64_t(514));
    QCOMPARE(view->cursorOffset(), std::uint64_t(0x12));
    QByteArray expected = original;
    expected.insert(0x10, "\xCA\xFE", 2);
    QByteArray shown(int(s->size()), '\0');
    QCOMPARE(s->readDisplayed(0, std::as_writable_bytes(std::span(shown.data(), std::size_t(shown.size())))), s->size());
    QCOMPARE(shown, expected);
    screenshots(window);

    QTest::keyClick(view, Qt::Key_Backspace); // the byte before the cursor: 0xFE
    expected.remove(0x11, 1);
    QTest::keyClick(view, Qt::Key_Delete); // the byte at the cursor (0x11): the file's 0x10
    expected.remove(0x11, 1);
    QCOMPARE(s->size(), std::uint64_t(expected.size()));
    view->setCursorOffset(0x20);
    view->setCursorOffset(0x23, true); // select 4 bytes
    QTest::keyClick(view, Qt::Key_X, Qt::ControlModifier);
    const QString cut = QApplication::clipboard()->text();
    QCOMPARE(cut, QString::fromLatin1(expected.mid(0x20, 4).toHex(' ')).toUpper());
    expected.remove(0x20, 4);
    view->setCursorOffset(0x30);
    view->setCursorOffset(0x31, true);
    QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier); // pastes the cut bytes over the 2 selected ones
    expected.replace(0x30, 2, QByteArray::fromHex(cut.toLatin1()));
    shown.resize(int(s->size()));
    QCOMPARE(s->readDisplayed(0, std::as_writable_bytes(std::span(shown.data(), std::size_t(shown.size())))), s->size());
    QCOMPARE(shown, expected);
    QCOMPARE(readAll(), original); // nothing on disk yet
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier); // undoes the paste
    QCOMPARE(s->size(), std::uint64_t(expected.size() - 2));
    QTest::keySequence(view, editing->redo->shortcut()); // and redoes it (Ctrl+Shift+Z or Ctrl+Y by platform)
    QCOMPARE(s->size(), std::uint64_t(expected.size()));
    QSignalSpy saved(editing->shiftSaver(), &ShiftSaver::finished);
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(saved.first().first().toBool());
    QCOMPARE(readAll(), expected);
    QVERIFY(!s->isModified());
    QVERIFY(QTest::qWaitForWindowActive(&window)); // the save's progress dialog has gone
    QTRY_VERIFY(view->hasFocus());                 // typing goes on in the view
    QVERIFY(s->isInsertMode());                    // the mode outlives the save
    QTest::keyClick(view, Qt::Key_Insert);         // back to overwrite mode
    QCOMPARE(label->text(), QStringLiteral("OVR"));
}

void TestInsertModeKeys::screenshots(MainWindow &window)
{
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (out.isEmpty())
        return;
    QTest::qWait(50); // the status bar lays its labels out
    QVERIFY(window.grab().save(out + QStringLiteral("/insertmode-light.png")));
    applyTheme(Preferences::Theme::Dark);
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(out + QStringLiteral("/insertmode-dark.png")));
    applyTheme(Preferences::Theme::Light);
    const QSize size = window.size();
    window.resize(480, 320);
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(out + QStringLiteral("/insertmode-small.png")));
    window.resize(size);
    applyTheme(Preferences::Theme::System);
}

void TestInsertModeKeys::chineseScreenshot()
{
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (out.isEmpty())
        return; // a picture for the docs, judged by eye; typeDeleteCutPasteSave tests the behaviour
    QTranslator chinese;
    QVERIFY(chinese.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("hexmap"), QStringLiteral("_"),
                         QStringLiteral(":/hexmap/translations")));
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    {
        MainWindow window;
        QVERIFY(window.openFile(m_path));
        window.resize(1000, 560);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // shortcuts (Insert) reach an active window only
        window.editing()->enableEditing->trigger();
        window.hexView()->setFocus();
        window.hexView()->setCursorOffset(0x10);
        QTest::keyClick(window.hexView(), Qt::Key_Insert);
        QTest::keyClicks(window.hexView(), QStringLiteral("CAFE"));
        QTest::qWait(50);
        QVERIFY(window.grab().save(out + QStringLiteral("/insertmode-zh_CN.png")));
        window.editing()->setPrompt([] { return QMessageBox::Discard; });
    }
    QCoreApplication::removeTranslator(&chinese);
}

QTEST_MAIN(TestInsertModeKeys)
#include "tst_insertmodekeys.moc"
