#include "ui/window/recentfilesmenu.h"

#include "ui/window/recentfiles.h"

#include <QFileInfo>

namespace hexmap {

RecentFilesMenu::RecentFilesMenu(RecentFiles *recentFiles, QWidget *parent)
    : QMenu(tr("Open &Recent"), parent), m_recentFiles(recentFiles)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    // Queued: the list often changes from inside one of this menu's own actions, which rebuild() deletes.
    connect(m_recentFiles, &RecentFiles::changed, this, &RecentFilesMenu::rebuild, Qt::QueuedConnection);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList files = m_recentFiles->files();
    int number = 1;
    for (const QString &path : files) {
        const QString name = QFileInfo(path).fileName();
        const QString text = number <= 9 ? QStringLiteral("&%1 %2").arg(number).arg(name) : name;
        QAction *action = addAction(text);
        action->setToolTip(path);
        action->setStatusTip(path);
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { emit fileTriggered(path); });
        ++number;
    }
    if (!files.isEmpty())
        addSeparator();
    QAction *clearAction = addAction(tr("&Clear Menu"));
    clearAction->setObjectName(QStringLiteral("clearRecentAction"));
    clearAction->setEnabled(!files.isEmpty());
    connect(clearAction, &QAction::triggered, m_recentFiles, &RecentFiles::clear);
    setEnabled(true);
}

} // namespace hexmap
