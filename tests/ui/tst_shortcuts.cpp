// Every command of the window as main() builds it (MainWindow + DesktopSupport) is reachable from the keyboard:
// each menu action has a text, each action outside the menus has a shortcut, every dock and toolbar can be
// shown again from the View menu, no two actions share a shortcut, the common commands have the shortcuts
// docs/USAGE.md lists, and a key press reaches them (checked for the new ones).
#include "ui/window/desktopsupport.h"
#include "ui/view/hexview.h"
#include "ui/document/jobcenter.h"
#include "ui/jobs/jobdialog.h"
#include "ui/jobs/jobssupport.h"
#include "ui/document/jobwatcher.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include <map>
#include <memory>

using namespace hexmap;

namespace {

void collectMenuActions(const QMenu *menu, const QString &path, QList<QPair<QString, QAction *>> &out)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        if (a->menu())
            collectMenuActions(a->menu(), path + QStringLiteral(" > ") + a->text(), out);
        else
            out.append({path, a});
    }
}

} // namespace

class TestShortcuts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyMenuActionHasText();
    void everyActionIsReachable();
    void everyPanelCanBeShownAgain();
    void noTwoActionsShareAShortcut();
    void commonCommandsHaveShortcuts_data();
    void commonCommandsHaveShortcuts();
    void keysReachTheJobActions_data();
    void keysReachTheJobActions();
    void keysReachTheCopyActions();

private:
    QList<QPair<QString, QAction *>> menuActions() const;

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
};

void TestShortcuts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HexmapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_shortcuts"));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("s.bin"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray bytes(64 * 1024, '\0');
    bytes.replace(0, 4, "Hex!");
    f.write(bytes);
}

void TestShortcuts::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(m_window->openFile(m_path));
}

void TestShortcuts::cleanup()
{
    if (m_window)
        m_window->jobs()->confirmClose();
    m_window.reset();
}

QList<QPair<QString, QAction *>> TestShortcuts::menuActions() const
{
    QList<QPair<QString, QAction *>> out;
    for (QAction *top : m_window->menuBar()->actions())
        if (top->menu())
            collectMenuActions(top->menu(), top->text(), out);
    return out;
}

void TestShortcuts::everyMenuActionHasText()
{
    const auto actions = menuActions();
    QVERIFY(actions.size() >= 30);
    for (const auto &[path, action] : actions) {
        QVERIFY2(!path.trimmed().isEmpty(), qPrintable(action->text()));
        QVERIFY2(!action->text().remove(QLatin1Char('&')).trimmed().isEmpty(),
                 qPrintable(path + QStringLiteral(" > ") + action->objectName()));
    }
}

// An action the window reacts to (added to a widget of it) is in a menu or has a shortcut.
void TestShortcuts::everyActionIsReachable()
{
    QSet<QAction *> inMenus;
    for (const auto &entry : menuActions())
        inMenus.insert(entry.second);
    for (QAction *action : m_window->actions()) // actions added to the window itself, outside the menus
        QVERIFY2(inMenus.contains(action) || !action->shortcuts().isEmpty(), qPrintable(action->text()));
}

void TestShortcuts::everyPanelCanBeShownAgain()
{
    QSet<QAction *> inMenus;
    for (const auto &entry : menuActions())
        inMenus.insert(entry.second);
    const auto docks = m_window->findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 4); // inspector, jobs, find results, bookmarks
    for (QDockWidget *dock : docks)
        QVERIFY2(inMenus.contains(dock->toggleViewAction()), qPrintable(dock->windowTitle()));
    int toolBars = 0;
    for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
        if (!bar->toggleViewAction()->isVisible())
            continue; // not user-toggleable (the file-change banner)
        QVERIFY2(inMenus.contains(bar->toggleViewAction()), qPrintable(bar->windowTitle()));
        ++toolBars;
    }
    QVERIFY(toolBars >= 1); // Editing
    // Closing a dock and choosing its entry brings it back.
    QDockWidget *dock = docks.front();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    dock->show();
    dock->close();
    QVERIFY(!dock->isVisible());
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());
}

void TestShortcuts::noTwoActionsShareAShortcut()
{
    std::map<QString, QString> owner; // key (portable text) -> action
    int keys = 0;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcutContext() == Qt::WidgetShortcut || action->shortcutContext() == Qt::WidgetWithChildrenShortcut)
            continue; // only inside their own widget
        for (const QKeySequence &key : action->shortcuts()) {
            const QString text = key.toString(QKeySequence::PortableText);
            const QString name = action->text() + QStringLiteral(" (") + action->objectName() + QLatin1Char(')');
            const auto [it, inserted] = owner.emplace(text, name);
            QVERIFY2(inserted, qPrintable(QStringLiteral("%1 is the shortcut of %2 and of %3").arg(text, it->second, name)));
            ++keys;
        }
    }
    QVERIFY(keys >= 20); // 23 on a plain X11 / offscreen session
}

void TestShortcuts::commonCommandsHaveShortcuts_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("key"); // portable text; "*" = any non-empty (the platform's standard key)
    const auto row = [](const char *action, const char *key) {
        QTest::newRow(action) << QString::fromLatin1(action) << QString::fromLatin1(key);
    };
    row("openAction", "*");
    row("closeAction", "*");
    row("compareWithAction", "Ctrl+K");
    row("quitAction", "*");
    row("copyHexAction", "*");
    row("copyCArrayAction", "Ctrl+Shift+C");
    row("copyTextAction", "Ctrl+Alt+C");
    row("selectAllAction", "*");
    row("goToAction", "Ctrl+G");
    row("toggleBookmarkAction", "Ctrl+B");
    row("preferencesAction", "*");
    row("jobFill", "Ctrl+Shift+F");
    row("jobZero", "Ctrl+Shift+Del");
    row("jobPattern", "Ctrl+Shift+P");
    row("jobFlush", "Ctrl+Shift+L");
    row("jobSync", "Ctrl+Shift+Y");
}

void TestShortcuts::commonCommandsHaveShortcuts()
{
    QFETCH(QString, action);
    QFETCH(QString, key);
    auto *a = m_window->findChild<QAction *>(action);
    QVERIFY2(a, qPrintable(action));
    QVERIFY2(!a->shortcut().isEmpty(), qPrintable(action));
    if (key != QLatin1String("*"))
        QCOMPARE(a->shortcut().toString(QKeySequence::PortableText), key);
}

void TestShortcuts::keysReachTheJobActions_data()
{
    QTest::addColumn<QKeySequence>("key");
    QTest::addColumn<int>("operation");
    QTest::newRow("fill") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F) << int(JobOperation::Fill);
    QTest::newRow("zero") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete) << int(JobOperation::Zero);
    QTest::newRow("pattern") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P) << int(JobOperation::Pattern);
    QTest::newRow("flush") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L) << int(JobOperation::Flush);
    QTest::newRow("sync") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y) << int(JobOperation::Sync);
}

void TestShortcuts::keysReachTheJobActions()
{
    QFETCH(QKeySequence, key);
    QFETCH(int, operation);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->hexView()->setFocus();
    int asked = -1;
    m_window->jobs()->setDialogRunner([&](JobDialog &dialog) {
        asked = int(dialog.model().operation());
        return false; // cancel: nothing is written
    });
    QTest::keySequence(m_window->hexView(), key);
    const auto &jobs = m_window->jobs()->center()->jobs();
    if (operation == int(JobOperation::Flush) || operation == int(JobOperation::Sync)) {
        QCOMPARE(asked, -1); // no dialog: a chunked job over the whole file
        QCOMPARE(jobs.size(), std::size_t(1));
        QCOMPARE(int(jobs.front()->spec().operation), operation);
        QTRY_VERIFY_WITH_TIMEOUT(jobs.front()->isFinished(), 10000);
    } else {
        QCOMPARE(asked, operation);
        QVERIFY(jobs.empty());
    }
}

void TestShortcuts::keysReachTheCopyActions()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    HexView *view = m_window->hexView();
    view->setFocus();
    view->setSelection({0, 4});
    QApplication::clipboard()->clear();
    QTest::keySequence(view, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    const QString array = QApplication::clipboard()->text();
    QVERIFY2(array.contains(QStringLiteral("0x48, 0x65, 0x78, 0x21")), qPrintable(array));
    QTest::keySequence(view, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Hex!"));
}

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
