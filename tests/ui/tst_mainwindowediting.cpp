// Editing inside the real MainWindow: the Enable Editing action, typing, the unsaved mark in the title, Save, and
// the Save / Discard / Cancel prompt on close and on opening another file.
#include "ui/edit/editingsupport.h"
#include "ui/document/editsession.h"
#include "ui/view/hexview.h"
#include "ui/edit/inspectordock.h"
#include "ui/document/document.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QtTest>

using namespace hexmap;

class TestMainWindowEditing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void editSaveAndTitle();
    void closePromptCancelKeepsWindow();
    void openingAnotherFileAsks();

private:
    QByteArray readAll(const QString &path);
    QTemporaryDir m_dir;
    QString m_a, m_b;
};

void TestMainWindowEditing::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test-editing"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindowEditing::init()
{
    m_a = m_dir.filePath(QStringLiteral("a.bin"));
    m_b = m_dir.filePath(QStringLiteral("b.bin"));
    for (const QString &p : {m_a, m_b}) {
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(32, '\0'));
    }
}

QByteArray TestMainWindowEditing::readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestMainWindowEditing::editSaveAndTitle()
{
    MainWindow window;
    QVERIFY(window.openFile(m_a));
    EditingSupport *editing = window.editing();
    QVERIFY(editing->inspector()->isVisibleTo(&window));
    QVERIFY(window.windowTitle().contains(QLatin1String("read-only")));
    editing->enableEditing->trigger();
    QVERIFY(editing->session()->isEditingEnabled());
    QVERIFY2(window.windowTitle().contains(QLatin1String("read-write")), qPrintable(window.windowTitle()));
    QTest::keyClicks(window.hexView(), QStringLiteral("4142"));
    QVERIFY(window.isWindowModified());
    QCOMPARE(readAll(m_a).left(2), QByteArray(2, '\0'));
    const QString out = qEnvironmentVariable("HEXMAP_SCREENSHOT_DIR");
    if (!out.isEmpty()) {
        window.resize(1100, 560);
        window.show();
        QVERIFY(window.grab().save(out + QStringLiteral("/mainwindow-editing.png")));
    }
    editing->save->trigger();
    QVERIFY(!window.isWindowModified());
    QCOMPARE(readAll(m_a).left(3), QByteArray("AB\0", 3));
}

void TestMainWindowEditing::closePromptCancelKeepsWindow()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(m_a));
    EditingSupport *editing = window.editing();
    editing->enableEditing->trigger();
    QTest::keyClicks(window.hexView(), QStringLiteral("ff"));
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    int asked = 0;
    editing->setPrompt([&] {
        ++asked;
        return answer;
    });
    QVERIFY(!window.close()); // Cancel: the close event is ignored
    QCOMPARE(asked, 1);
    QVERIFY(window.hasFile());
    QVERIFY(editing->isModified());
    answer = QMessageBox::Save;
    QVERIFY(window.close());
    QCOMPARE(asked, 2);
    QCOMPARE(readAll(m_a).at(0), '\xff');
}

void TestMainWindowEditing::openingAnotherFileAsks()
{
    // With tabs, opening another file keeps this one (and its edits) in its tab; closing that tab asks.
    MainWindow window;
    QVERIFY(window.openFile(m_a));
    EditingSupport *editing = window.editing();
    editing->enableEditing->trigger();
    QTest::keyClicks(window.hexView(), QStringLiteral("11"));
    Document *a = window.currentDocument();
    int asked = 0;
    editing->setPrompt([&asked] {
        ++asked;
        return QMessageBox::Cancel;
    });
    QVERIFY(window.openFile(m_b));
    QCOMPARE(asked, 0);
    QVERIFY(window.currentPath().endsWith(QLatin1String("b.bin")));
    QVERIFY(!editing->isModified());
    QVERIFY(!editing->session()->isEditingEnabled()); // the new file opens read-only
    QVERIFY(a->isModified());                         // the edits stay in a.bin's tab
    QVERIFY(!window.closeDocument(a));                 // Cancel
    QCOMPARE(asked, 1);
    QVERIFY(a->isOpen() && a->isModified());
    editing->setPrompt([&asked] {
        ++asked;
        return QMessageBox::Discard;
    });
    QVERIFY(window.closeDocument(a));
    QCOMPARE(asked, 2);
    QVERIFY(window.currentPath().endsWith(QLatin1String("b.bin")));
    QCOMPARE(readAll(m_a).at(0), '\0');
}

QTEST_MAIN(TestMainWindowEditing)
#include "tst_mainwindowediting.moc"
