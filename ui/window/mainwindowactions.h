#pragma once

#include "ui/pane/windowfeature.h"

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace hexmap {

class RecentFiles;
class RecentFilesMenu;

// The main window's own actions (File: Open, Open Recent, Close, Quit; Edit: the copy formats, Select All, Go to
// Offset; View: Bytes per Row, Grouping, Next/Previous Tab; Help: About) with standard QKeySequence shortcuts, and
// Ctrl+Shift+C / Ctrl+Alt+C for Copy as C Array / Copy as Raw Text (no standard key exists for those).
// places() gives each its declared place; MainWindow connects them. This class only builds them and
// enables/disables the file-dependent ones. Thread: GUI thread only.
class MainWindowActions : public QObject {
    Q_OBJECT
public:
    MainWindowActions(QWidget *window, RecentFiles *recentFiles);

    QList<FeatureAction> places() const;
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
    QMenu *bytesPerRowMenu;
    QActionGroup *bytesPerRow; // action data: 8, 16, 32, 64 or 0 (fit)
    QMenu *groupSizeMenu;
    QActionGroup *groupSize;   // action data: 1, 2, 4, 8
    QAction *nextTab;
    QAction *previousTab;
    QAction *manual; // Help > Manual: the installed USAGE.md (ManualDialog)
    QAction *about;
    QAction *aboutQt;

private:
    QAction *makeAction(const QString &text, const QString &name);
};

} // namespace hexmap
