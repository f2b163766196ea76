#include "ui/window/menuplacer.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

#include <algorithm>

namespace hexmap {

MenuPlacer::MenuPlacer(QMainWindow *window) : QObject(window), m_window(window)
{
    const struct {
        ActionPlace::Menu menu;
        QString title;
        const char *name;
    } menus[] = {{ActionPlace::Menu::File, tr("&File"), "fileMenu"},
                 {ActionPlace::Menu::Edit, tr("&Edit"), "editMenu"},
                 {ActionPlace::Menu::View, tr("&View"), "viewMenu"},
                 {ActionPlace::Menu::Help, tr("&Help"), "helpMenu"}};
    for (const auto &m : menus) {
        QMenu *menu = window->menuBar()->addMenu(m.title);
        menu->setObjectName(QString::fromLatin1(m.name));
        m_menus.insert(int(m.menu), menu);
    }
    m_toolBar = window->addToolBar(tr("Editing"));
    m_toolBar->setObjectName(QStringLiteral("editingToolBar"));
    m_toolBar->toggleViewAction()->setText(tr("%1 Toolbar").arg(m_toolBar->windowTitle()));
    m_toolBar->toggleViewAction()->setObjectName(QStringLiteral("showEditingToolBar"));
    place(m_toolBar->toggleViewAction(), {ActionPlace::Menu::View, ActionPlace::ViewToolBars, 0});
}

QMenu *MenuPlacer::menu(ActionPlace::Menu menu) const
{
    return m_menus.value(int(menu));
}

void MenuPlacer::place(QAction *action, const ActionPlace &place)
{
    QList<Entry> &entries = m_entries[int(place.menu)];
    const Entry entry{place.section, place.order, m_sequence++, action};
    const auto before = std::upper_bound(entries.begin(), entries.end(), entry, [](const Entry &a, const Entry &b) {
        return std::tie(a.section, a.order, a.sequence) < std::tie(b.section, b.order, b.sequence);
    });
    entries.insert(before, entry);
    rebuild(place.menu);
    if (place.toolBar)
        m_toolBar->addAction(action);
}

void MenuPlacer::place(const QList<FeatureAction> &actions)
{
    for (const FeatureAction &a : actions)
        place(a.action, a.place);
}

void MenuPlacer::placeDock(const FeatureDock &feature)
{
    QDockWidget *dock = feature.dock;
    QDockWidget *sharing = nullptr;
    for (QDockWidget *other : m_window->findChildren<QDockWidget *>())
        if (other != dock && m_window->dockWidgetArea(other) == feature.area && feature.area == Qt::BottomDockWidgetArea)
            sharing = other;
    m_window->addDockWidget(feature.area, dock);
    if (sharing)
        m_window->tabifyDockWidget(sharing, dock); // share the bottom as tabs rather than halving the width
    else if (feature.area == Qt::BottomDockWidgetArea) // empty until used: give the view most of the height
        m_window->resizeDocks({dock}, {std::max(120, m_window->height() / 5)}, Qt::Vertical);
    dock->setVisible(feature.shown);
    place(dock->toggleViewAction(), {ActionPlace::Menu::View, ActionPlace::ViewPanels, 100 + feature.order});
}

void MenuPlacer::rebuild(ActionPlace::Menu which)
{
    QMenu *menu = m_menus.value(int(which));
    const QList<Entry> &entries = m_entries[int(which)];
    for (const Entry &e : entries)
        menu->removeAction(e.action);
    qDeleteAll(m_separators[int(which)]);
    m_separators[int(which)].clear();
    for (int i = 0; i < entries.size(); ++i) {
        if (i > 0 && entries[i].section != entries[i - 1].section)
            m_separators[int(which)] << menu->addSeparator();
        menu->addAction(entries[i].action);
    }
}

} // namespace hexmap
