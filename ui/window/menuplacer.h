#pragma once

#include "ui/pane/windowfeature.h"

#include <QHash>
#include <QList>
#include <QObject>

class QMainWindow;
class QMenu;
class QToolBar;

namespace hexmap {

// MenuPlacer: the main window's menus (File, Edit, View, Help: object names fileMenu, editMenu, viewMenu,
// helpMenu), its main toolbar ("editingToolBar") and dock areas, filled from declared places: every action goes to
// its menu by (section, order), sections separated; submenus are placed through their menuAction(). Docks are added
// to their area (bottom docks share the area as tabs), with a toggle in View > panels. Nothing is looked up by its
// (translated) text. Thread: GUI thread only.
class MenuPlacer : public QObject {
    Q_OBJECT
public:
    explicit MenuPlacer(QMainWindow *window);

    QMenu *menu(ActionPlace::Menu menu) const;
    QToolBar *toolBar() const { return m_toolBar; }

    void place(QAction *action, const ActionPlace &place);
    void place(const QList<FeatureAction> &actions);
    void placeDock(const FeatureDock &dock);

private:
    struct Entry {
        int section;
        int order;
        int sequence;
        QAction *action;
    };
    void rebuild(ActionPlace::Menu menu);

    QMainWindow *m_window;
    QHash<int, QMenu *> m_menus;
    QHash<int, QList<Entry>> m_entries;
    QHash<int, QList<QAction *>> m_separators; // owned
    QToolBar *m_toolBar;
    int m_sequence = 0;
};

} // namespace hexmap
