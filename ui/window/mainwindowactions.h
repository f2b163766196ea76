#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace hexmap {

class RecentFiles;
class RecentFilesMenu;

// Creates the main window's actions and menus (File, Edit, View, Help) with standard QKeySequence shortcuts, and
// Ctrl+Shift+C / Ctrl+Alt+C for Copy as C Array / Copy as Raw Text (no standard key exists for those).
// MainWindow connects them; this class only builds them and enables/disables the file-dependent ones.
// Thread: GUI thread only.
class MainWindowActions : public QObject {
    Q_OBJECT
public:
    MainWindowActions(QMainWindow *window, RecentFiles *recentFiles);

    void setFileActionsEnabled(bool enabled);
    void checkBytesPerRow(int bytesPerRow); // 0 = fit
    void checkGroupSize(int groupSize);

    QAction *open;
    QAction *close;
    QAction *quit;
    RecentFilesMenu *recentMenu;
    QAction *copyHex;
    QAction *copyCArray;
    QAction *copyText;
    QAction *selectAll;
    QAction *goTo;
    QActionGroup *bytesPerRow; // action data: 8, 16, 32, 64 or 0 (fit)
    QActionGroup *groupSize;   // action data: 1, 2, 4, 8
    QAction *about;
    QAction *aboutQt;

private:
    QAction *makeAction(QMenu *menu, const QString &text, const QString &name);
};

} // namespace hexmap
