#include "ui/window/desktopsupport.h"

#include "ui/bookmarks/bookmarkdisplay.h"
#include "ui/document/bookmarks.h"
#include "ui/bookmarks/bookmarksdock.h"
#include "ui/view/hexview.h"
#include "ui/view/hexviewaccessibility.h"
#include "ui/window/mainwindowactions.h"
#include "ui/pane/overviewmap.h"
#include "ui/common/preferences.h"
#include "ui/window/preferencesdialog.h"
#include "ui/common/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>

namespace hexmap {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
constexpr int StateVersion = 1;

// The menu in `window`'s menu bar that holds `action`, or nullptr.
QMenu *menuHolding(QMainWindow *window, QAction *action)
{
    for (QAction *top : window->menuBar()->actions()) {
        if (QMenu *menu = top->menu(); menu && menu->actions().contains(action))
            return menu;
    }
    return nullptr;
}

QMenu *viewMenu(QMainWindow *window)
{
    for (QAction *top : window->menuBar()->actions()) {
        QMenu *menu = top->menu();
        if (menu && menu->title() == QCoreApplication::translate("hexmap::MainWindowActions", "&View"))
            return menu;
    }
    return nullptr;
}

// `action` or, recursively, in one of its submenus.
bool menuHas(const QMenu *menu, const QAction *action)
{
    for (QAction *a : menu->actions())
        if (a == action || (a->menu() && menuHas(a->menu(), action)))
            return true;
    return false;
}

void triggerWithData(QActionGroup *group, int value)
{
    for (QAction *action : group->actions()) {
        if (action->data().toInt() == value && !action->isChecked()) {
            action->trigger();
            return;
        }
    }
}

} // namespace

DesktopSupport::DesktopSupport(QMainWindow *window, HexView *view, MainWindowActions *actions)
    : QObject(window), m_window(window), m_view(view), m_actions(actions), m_preferences(new Preferences(this)),
      m_accessibility(new HexViewAccessibility(view))
{
    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    // QKeySequence::Preferences is empty on plain X11 and offscreen: Ctrl+, as elsewhere.
    m_preferencesAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                          ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                          : QKeySequence::keyBindings(QKeySequence::Preferences));
    if (QMenu *edit = menuHolding(window, actions->goTo)) {
        edit->addSeparator();
        edit->addAction(m_preferencesAction);
    } else {
        window->addAction(m_preferencesAction);
    }
    connect(m_preferencesAction, &QAction::triggered, this, &DesktopSupport::showPreferences);

    connect(m_preferences, &Preferences::bytesPerRowChanged, this, &DesktopSupport::followBytesPerRow);
    connect(m_preferences, &Preferences::groupSizeChanged, this, &DesktopSupport::followGroupSize);
    connect(m_preferences, &Preferences::fontChanged, m_view, &HexView::setViewFont);
    m_view->setViewFont(m_preferences->font());
    connect(m_preferences, &Preferences::themeChanged, this, [](Preferences::Theme theme) { applyTheme(theme); });
    if (m_preferences->theme() != Preferences::Theme::System)
        applyTheme(m_preferences->theme());
    // The dialog shows what the View menu chose since it was opened.
    for (QActionGroup *group : {actions->bytesPerRow, actions->groupSize})
        connect(group, &QActionGroup::triggered, this, [this] {
            if (m_dialog)
                m_dialog->reload();
        });

    installBookmarks();
    addPanelToggles();
    m_window->installEventFilter(this);
    restoreWindowState();
}

PreferencesDialog *DesktopSupport::preferencesDialog()
{
    if (!m_dialog)
        m_dialog = new PreferencesDialog(m_preferences, m_window);
    return m_dialog;
}

void DesktopSupport::showPreferences()
{
    PreferencesDialog *dialog = preferencesDialog();
    dialog->reload();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

bool DesktopSupport::restoreWindowState()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(GeometryKey).toByteArray();
    const QByteArray state = settings.value(StateKey).toByteArray();
    const bool geometryRestored = !geometry.isEmpty() && m_window->restoreGeometry(geometry);
    const bool stateRestored = !state.isEmpty() && m_window->restoreState(state, StateVersion);
    return geometryRestored || stateRestored;
}

void DesktopSupport::saveWindowState() const
{
    QSettings settings;
    settings.setValue(GeometryKey, m_window->saveGeometry());
    settings.setValue(StateKey, m_window->saveState(StateVersion));
}

bool DesktopSupport::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        saveWindowState(); // also when the close is then cancelled: the layout is worth keeping either way
    return QObject::eventFilter(watched, event);
}

void DesktopSupport::installBookmarks()
{
    m_bookmarks = new Bookmarks(this);
    m_bookmarksDock = new BookmarksDock(m_bookmarks, m_view, m_window);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_bookmarksDock);
    m_bookmarksDock->hide(); // until the user opens it (View > Bookmarks) or adds one
    m_toggleBookmark = new QAction(tr("Toggle &Bookmark"), this);
    m_toggleBookmark->setObjectName(QStringLiteral("toggleBookmarkAction"));
    m_toggleBookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    if (QMenu *edit = menuHolding(m_window, m_actions->goTo))
        edit->insertAction(m_preferencesAction, m_toggleBookmark);
    else
        m_window->addAction(m_toggleBookmark);
    if (QMenu *view = viewMenu(m_window))
        view->addAction(m_bookmarksDock->toggleViewAction());
    connect(m_toggleBookmark, &QAction::triggered, this, [this] {
        followFile();
        if (m_view->hasFile() && m_bookmarks->toggle(m_view->cursorOffset()))
            m_bookmarksDock->show();
    });
    connect(m_view, &HexView::visibleRangeChanged, this, &DesktopSupport::followFile);
    connect(m_view, &HexView::cursorMoved, this, &DesktopSupport::followFile);
    followFile();
    // Bookmarked bytes tinted in the view, flags on the overview map (the map is the jobs' one, when present).
    new BookmarkDisplay(m_bookmarks, m_view, m_window->findChild<OverviewMap *>(), this);
}

void DesktopSupport::addPanelToggles()
{
    QMenu *view = viewMenu(m_window);
    if (!view)
        return;
    QList<QAction *> toggles;
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
        toggles << dock->toggleViewAction();
    for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
        if (bar->toggleViewAction()->isVisible()) // "Editing" alone would not say what it shows
            bar->toggleViewAction()->setText(tr("%1 Toolbar").arg(bar->windowTitle()));
        toggles << bar->toggleViewAction();
    }
    bool separated = false;
    for (QAction *toggle : toggles) {
        if (!toggle->isVisible() || menuHas(view, toggle)) // hidden: not user-toggleable (e.g. a banner)
            continue;
        if (!separated)
            view->addSeparator();
        separated = true;
        view->addAction(toggle);
    }
}

void DesktopSupport::followFile()
{
    const QString path = m_view->hasFile()
                             ? QFileInfo(QString::fromStdString(m_view->file().path())).canonicalFilePath()
                             : QString();
    m_bookmarks->setFile(path);
    m_toggleBookmark->setEnabled(m_view->hasFile());
}

void DesktopSupport::followBytesPerRow(int value)
{
    triggerWithData(m_actions->bytesPerRow, value); // MainWindow applies it to the view and stores it
}

void DesktopSupport::followGroupSize(int value)
{
    triggerWithData(m_actions->groupSize, value);
}

} // namespace hexmap
