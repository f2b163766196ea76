#pragma once

#include "ui/pane/windowfeature.h"

class QAction;
class QMainWindow;

namespace hexmap {

class HexView;
class MainWindowActions;
class Preferences;
class PreferencesDialog;

// The desktop feature: Edit > Preferences… (the live PreferencesDialog over a Preferences model), the colour
// theme, the View menu and every pane's view following preference changes (bytes per row, grouping, font), the
// window geometry and dock/toolbar layout (restoreWindowState() once the window placed its docks; saved whenever
// the window closes), and each view's screen-reader description (HexViewAccessibility). The window creates it like
// every feature. Owned by the window (QObject parent). Thread: GUI thread only.
class DesktopSupport : public WindowFeature {
    Q_OBJECT
public:
    DesktopSupport(QMainWindow *window, MainWindowActions *actions);

    QList<FeatureAction> featureActions() const override;
    void setCurrent(Document *, DocumentPane *) override {}
    void documentAdded(Document *document, DocumentPane *pane) override;

    Preferences *preferences() const { return m_preferences; }
    QAction *preferencesAction() const { return m_preferencesAction; }
    PreferencesDialog *preferencesDialog(); // created on first use, then kept

    void showPreferences();
    bool restoreWindowState(); // false when nothing (valid) was saved
    void saveWindowState() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    MainWindowActions *m_actions;
    Preferences *m_preferences;
    QAction *m_preferencesAction;
    PreferencesDialog *m_dialog = nullptr;
};

} // namespace hexmap
