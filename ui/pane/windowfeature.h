#pragma once

#include "ui/document/document.h"
#include "ui/pane/documentpane.h"

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QWidget;

namespace hexmap {

// Where an action goes in the main window: a menu, a section of it (sections are separated, in increasing order)
// and an order inside the section; optionally also on the main toolbar. The numbers of the sections are listed here
// so that every feature's actions have a declared place and no menu is looked up by its (translated) title.
struct ActionPlace {
    enum class Menu { File, Edit, View, Help };
    // Sections, in menu order.
    enum Section {
        FileOpen = 0,     // Open, Save, Revert, Open Recent, Close
        FileDurability = 20, // Flush, Sync
        FileQuit = 90,
        EditUndo = 0,
        EditChange = 10,  // Paste, Fill Selection
        EditCopy = 20,
        EditSelect = 30,  // Select All, Go to Offset
        EditMode = 40,    // Enable Editing
        EditJobs = 50,    // Fill..., Zero..., Pattern...
        EditFind = 60,
        EditMarks = 70,   // Toggle Bookmark, Preferences
        ViewLayout = 0,   // Bytes per Row, Grouping
        ViewTabs = 40,    // Next Tab, Previous Tab
        ViewPanels = 50,  // one toggle per dock, the overview map
        ViewToolBars = 60,
        HelpManual = 0,   // Manual
        HelpAbout = 10,
    };
    Menu menu = Menu::Edit;
    int section = 0;
    int order = 0;
    bool toolBar = false; // also on the main toolbar ("editingToolBar")
};

struct FeatureAction {
    QAction *action = nullptr; // with a stable object name
    ActionPlace place;
};

// A dock a feature hands the window. Its toggle goes to View (section ViewPanels) in the order given.
struct FeatureDock {
    QDockWidget *dock = nullptr; // with a stable object name (saved window layouts use it)
    Qt::DockWidgetArea area = Qt::RightDockWidgetArea;
    bool shown = true;           // false: hidden until the feature shows it
    int order = 0;
};

// WindowFeature: the one way to add a feature (editing, jobs, find, bookmarks, file changes, desktop) to the main
// window. The feature creates its actions, docks and window-wide widgets; the window places them (MenuPlacer) and
// tells the feature which document and pane are current (setCurrent, null when no file is open) and which ones
// exist (documentAdded / documentRemoved, for what a feature keeps per document, e.g. a banner or a job count).
// Features never include ui/window nor each other. Owned by the window (QObject parent). Thread: GUI thread only.
class WindowFeature : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QList<FeatureAction> featureActions() const { return {}; }
    virtual QList<FeatureDock> featureDocks() const { return {}; }
    // A widget shown under the tabs for the whole window (the find bar), or null.
    virtual QWidget *windowBar() const { return nullptr; }
    // Permanent widgets for the status bar's right side.
    virtual QList<QWidget *> statusWidgets() const { return {}; }

    // The current tab changed (both null when no file is open).
    virtual void setCurrent(Document *document, DocumentPane *pane) = 0;
    virtual void documentAdded(Document *, DocumentPane *) {}
    virtual void documentRemoved(Document *) {}

signals:
    void statusMessage(const QString &message); // shown for 5 s in the status bar
    // The feature asks the window to close a document (asking about edits and jobs as File > Close does).
    void closeRequested(hexmap::Document *document);
};

} // namespace hexmap
