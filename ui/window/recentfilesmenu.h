#pragma once

#include <QMenu>

namespace hexmap {

class RecentFiles;

// File > Open Recent: one action per RecentFiles entry (rebuilt whenever the list changes) and "Clear Menu".
// Emits fileTriggered(path). Thread: GUI thread only.
class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    RecentFilesMenu(RecentFiles *recentFiles, QWidget *parent = nullptr);

signals:
    void fileTriggered(const QString &path);

private:
    void rebuild();

    RecentFiles *m_recentFiles;
};

} // namespace hexmap
