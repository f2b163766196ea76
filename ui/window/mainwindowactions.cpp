#include "ui/window/mainwindowactions.h"

#include "ui/window/recentfilesmenu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace hexmap {

MainWindowActions::MainWindowActions(QWidget *window, RecentFiles *recentFiles) : QObject(window)
{
    open = makeAction(tr("&Open..."), QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    recentMenu = new RecentFilesMenu(recentFiles, window);
    close = makeAction(tr("&Close"), QStringLiteral("closeAction"));
    close->setShortcut(QKeySequence::Close); // closes the current tab
    quit = makeAction(tr("&Quit"), QStringLiteral("quitAction"));
    // QKeySequence::Quit is empty on some platforms (e.g. offscreen, plain X11 without a desktop theme).
    quit->setShortcuts(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                           ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                           : QKeySequence::keyBindings(QKeySequence::Quit));
    quit->setMenuRole(QAction::QuitRole);

    copyHex = makeAction(tr("&Copy as Hex"), QStringLiteral("copyHexAction"));
    copyHex->setShortcut(QKeySequence::Copy);
    // The other copy formats: Ctrl+C plus a modifier.
    copyCArray = makeAction(tr("Copy as C &Array"), QStringLiteral("copyCArrayAction"));
    copyCArray->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyText = makeAction(tr("Copy as &Raw Text"), QStringLiteral("copyTextAction"));
    copyText->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    selectAll = makeAction(tr("Select &All"), QStringLiteral("selectAllAction"));
    selectAll->setShortcut(QKeySequence::SelectAll);
    goTo = makeAction(tr("&Go to Offset..."), QStringLiteral("goToAction"));
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));

    bytesPerRowMenu = new QMenu(tr("&Bytes per Row"), window);
    bytesPerRowMenu->setObjectName(QStringLiteral("bytesPerRowMenu"));
    bytesPerRow = new QActionGroup(this);
    for (int value : {8, 16, 32, 64, 0}) {
        QAction *action = bytesPerRowMenu->addAction(value == 0 ? tr("&Fit to Width") : QString::number(value));
        action->setCheckable(true);
        action->setData(value);
        bytesPerRow->addAction(action);
    }
    groupSizeMenu = new QMenu(tr("&Grouping"), window);
    groupSizeMenu->setObjectName(QStringLiteral("groupSizeMenu"));
    groupSize = new QActionGroup(this);
    for (int value : {1, 2, 4, 8}) {
        QAction *action = groupSizeMenu->addAction(value == 1 ? tr("1 Byte") : tr("%1 Bytes").arg(value));
        action->setCheckable(true);
        action->setData(value);
        groupSize->addAction(action);
    }
    // Tabs: the platform's keys for the next/previous document (Ctrl+Tab / Ctrl+Shift+Tab where they exist) plus
    // Ctrl+PgDn / Ctrl+PgUp as in browsers and editors.
    nextTab = makeAction(tr("&Next Tab"), QStringLiteral("nextTabAction"));
    nextTab->setShortcuts(QKeySequence::keyBindings(QKeySequence::NextChild)
                          << QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    previousTab = makeAction(tr("&Previous Tab"), QStringLiteral("previousTabAction"));
    previousTab->setShortcuts(QKeySequence::keyBindings(QKeySequence::PreviousChild)
                              << QKeySequence(Qt::CTRL | Qt::Key_PageUp));

    manual = makeAction(tr("&Manual"), QStringLiteral("manualAction"));
    manual->setStatusTip(tr("Show the user manual (USAGE)"));
    about = makeAction(tr("&About Hexmap"), QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    aboutQt = makeAction(tr("About &Qt"), QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);

    setFileActionsEnabled(false);
}

QList<FeatureAction> MainWindowActions::places() const
{
    using P = ActionPlace;
    return {{open, {P::Menu::File, P::FileOpen, 0}},
            {recentMenu->menuAction(), {P::Menu::File, P::FileOpen, 3}},
            {close, {P::Menu::File, P::FileOpen, 4}},
            {quit, {P::Menu::File, P::FileQuit, 0}},
            {copyHex, {P::Menu::Edit, P::EditCopy, 0}},
            {copyCArray, {P::Menu::Edit, P::EditCopy, 1}},
            {copyText, {P::Menu::Edit, P::EditCopy, 2}},
            {selectAll, {P::Menu::Edit, P::EditSelect, 0}},
            {goTo, {P::Menu::Edit, P::EditSelect, 1}},
            {bytesPerRowMenu->menuAction(), {P::Menu::View, P::ViewLayout, 0}},
            {groupSizeMenu->menuAction(), {P::Menu::View, P::ViewLayout, 1}},
            {nextTab, {P::Menu::View, P::ViewTabs, 0}},
            {previousTab, {P::Menu::View, P::ViewTabs, 1}},
            {manual, {P::Menu::Help, P::HelpManual, 0}},
            {about, {P::Menu::Help, P::HelpAbout, 0}},
            {aboutQt, {P::Menu::Help, P::HelpAbout, 1}}};
}

QAction *MainWindowActions::makeAction(const QString &text, const QString &name)
{
    auto *action = new QAction(text, this);
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
