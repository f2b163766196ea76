#include "ui/window/desktopsupport.h"

#include "ui/common/preferences.h"
#include "ui/common/theme.h"
#include "ui/pane/documentpane.h"
#include "ui/view/hexview.h"
#include "ui/view/hexviewaccessibility.h"
#include "ui/window/mainwindowactions.h"
#include "ui/window/preferencesdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QMainWindow>
#include <QSettings>

namespace hexmap {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
constexpr int StateVersion = 1;

void triggerWithData(QActionGroup *group, int value)
{
    for (QAction *action : group->actions()) {
        if (action->data().toInt() == value && !action->isChecked()) {
            action->trigger(); // MainWindow applies it to every view and stores it
            return;
        }
    }
}

} // namespace

DesktopSupport::DesktopSupport(QMainWindow *window, MainWindowActions *actions)
    : WindowFeature(window), m_window(window), m_actions(actions), m_preferences(new Preferences(this))
{
    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    // QKeySequence::Preferences is empty on plain X11 and offscreen: Ctrl+, as elsewhere.
    m_preferencesAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                          ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                          : QKeySequence::keyBindings(QKeySequence::Preferences));
    connect(m_preferencesAction, &QAction::triggered, this, &DesktopSupport::showPreferences);

    connect(m_preferences, &Preferences::bytesPerRowChanged, this,
            [this](int value) { triggerWithData(m_actions->bytesPerRow, value); });
    connect(m_preferences, &Preferences::groupSizeChanged, this,
            [this](int value) { triggerWithData(m_actions->groupSize, value); });
    connect(m_preferences, &Preferences::themeChanged, this, [](Preferences::Theme theme) { applyTheme(theme); });
    if (m_preferences->theme() != Preferences::Theme::System)
        applyTheme(m_preferences->theme());
    // The dialog shows what the View menu chose since it was opened.
    for (QActionGroup *group : {actions->bytesPerRow, actions->groupSize})
        connect(group, &QActionGroup::triggered, this, [this] {
            if (m_dialog)
                m_dialog->reload();
        });
    m_window->installEventFilter(this);
}

QList<FeatureAction> DesktopSupport::featureActions() const
{
    return {{m_preferencesAction, {ActionPlace::Menu::Edit, ActionPlace::EditMarks, 10}}};
}

void DesktopSupport::documentAdded(Document *, DocumentPane *pane)
{
    HexView *view = pane->view();
    new HexViewAccessibility(view);
    view->setViewFont(m_preferences->font());
    connect(m_preferences, &Preferences::fontChanged, view, &HexView::setViewFont);
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

} // namespace hexmap
