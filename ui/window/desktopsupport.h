#pragma once

#include <QObject>

class QAction;
class QMainWindow;

namespace hexmap {

class Bookmarks;
class BookmarksDock;
class HexView;
class HexViewAccessibility;
class MainWindowActions;
class Preferences;
class PreferencesDialog;

// Desktop integration for a main window, installed from outside it: Edit > Preferences… (the live
// PreferencesDialog over a Preferences model), the colour theme, the View menu following preference changes,
// the window geometry and dock/toolbar layout restored now and saved whenever the window closes, and the hex
// view's screen-reader description (HexViewAccessibility), and a View menu entry for every dock and toolbar
// that has none yet (so a closed panel always comes back). Construct after the window has created its docks and
// toolbars. Owned by the window (QObject parent). Thread: GUI thread only.
class DesktopSupport : public QObject {
    Q_OBJECT
public:
    DesktopSupport(QMainWindow *window, HexView *view, MainWindowActions *actions);

    Preferences *preferences() const { return m_preferences; }
    QAction *preferencesAction() const { return m_preferencesAction; }
    QAction *toggleBookmarkAction() const { return m_toggleBookmark; }
    Bookmarks *bookmarks() const { return m_bookmarks; }
    BookmarksDock *bookmarksDock() const { return m_bookmarksDock; }
    PreferencesDialog *preferencesDialog(); // created on first use, then kept

    void showPreferences();
    bool restoreWindowState(); // false when nothing (valid) was saved
    void saveWindowState() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followBytesPerRow(int value);
    void followGroupSize(int value);
    void installBookmarks();
    void addPanelToggles();
    void followFile(); // the bookmarks follow the view's file

    QMainWindow *m_window;
    HexView *m_view;
    MainWindowActions *m_actions;
    Preferences *m_preferences;
    QAction *m_preferencesAction;
    PreferencesDialog *m_dialog = nullptr;
    HexViewAccessibility *m_accessibility;
    Bookmarks *m_bookmarks = nullptr;
    BookmarksDock *m_bookmarksDock = nullptr;
    QAction *m_toggleBookmark = nullptr;
};

} // namespace hexmap
