#include "ui/window/mainwindowactions.h"

#include "ui/window/recentfilesmenu.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace hexmap {

MainWindowActions::MainWindowActions(QMainWindow *window, RecentFiles *recentFiles) : QObject(window)
{
    QMenuBar *bar = window->menuBar();

    QMenu *file = bar->addMenu(tr("&File"));
    open = makeAction(file, tr("&Open..."), QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    recentMenu = new RecentFilesMenu(recentFiles, file);
    file->addMenu(recentMenu);
    close = makeAction(file, tr("&Close"), QStringLiteral("closeAction"));
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    quit = makeAction(file, tr("&Quit"), QStringLiteral("quitAction"));
    // QKeySequence::Quit is empty on some platforms (e.g. offscreen, plain X11 without a desktop theme).
    quit->setShortcuts(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                           ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                           : QKeySequence::keyBindings(QKeySequence::Quit));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    copyHex = makeAction(edit, tr("&Copy as Hex"), QStringLiteral("copyHexAction"));
    copyHex->setShortcut(QKeySequence::Copy);
    // The other copy formats: Ctrl+C plus a modifier.
    copyCArray = makeAction(edit, tr("Copy as C &Array"), QStringLiteral("copyCArrayAction"));
    copyCArray->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyText = makeAction(edit, tr("Copy as &Raw Text"), QStringLiteral("copyTextAction"));
    copyText->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    edit->addSeparator();
    selectAll = makeAction(edit, tr("Select &All"), QStringLiteral("selectAllAction"));
    selectAll->setShortcut(QKeySequence::SelectAll);
    goTo = makeAction(edit, tr("&Go to Offset..."), QStringLiteral("goToAction"));
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));

    QMenu *view = bar->addMenu(tr("&View"));
    QMenu *rowMenu = view->addMenu(tr("&Bytes per Row"));
    bytesPerRow = new QActionGroup(this);
    for (int value : {8, 16, 32, 64, 0}) {
        QAction *action = rowMenu->addAction(value == 0 ? tr("&Fit to Width") : QString::number(value));
        action->setCheckable(true);
        action->setData(value);
        bytesPerRow->addAction(action);
    }
    QMenu *groupMenu = view->addMenu(tr("&Grouping"));
    groupSize = new QActionGroup(this);
    for (int value : {1, 2, 4, 8}) {
        QAction *action = groupMenu->addAction(value == 1 ? tr("1 Byte") : tr("%1 Bytes").arg(value));
        action->setCheckable(true);
        action->setData(value);
        groupSize->addAction(action);
    }

    QMenu *help = bar->addMenu(tr("&Help"));
    about = makeAction(help, tr("&About Hexmap"), QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    aboutQt = makeAction(help, tr("About &Qt"), QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);

    setFileActionsEnabled(false);
}

QAction *MainWindowActions::makeAction(QMenu *menu, const QString &text, const QString &name)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    return action;
}

void MainWindowActions::setFileActionsEnabled(bool enabled)
{
    for (QAction *action : {close, copyHex, copyCArray, copyText, selectAll, goTo})
        action->setEnabled(enabled);
}

void MainWindowActions::checkBytesPerRow(int value)
{
    for (QAction *action : bytesPerRow->actions())
        action->setChecked(action->data().toInt() == value);
}

void MainWindowActions::checkGroupSize(int value)
{
    for (QAction *action : groupSize->actions())
        action->setChecked(action->data().toInt() == value);
}

} // namespace hexmap
