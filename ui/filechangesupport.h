#pragma once

#include <QObject>

#include <cstdint>

class QToolBar;

namespace hexmap {

class FileChangeBanner;
class FileWatcher;
class MainWindow;

// Wires file-change detection into a MainWindow: a FileWatcher on the file the window's HexView shows and a
// FileChangeBanner in a toolbar row of its own under the other toolbars, hidden until the file is truncated or
// changed on disk by someone else. Reload reopens the file (MainWindow::openFile, which asks about unsaved edits
// like any reopen) and keeps the cursor offset (clamped to the new size); Close closes it. The banner hides when
// another file is shown. Create it once, at the end of the window's constructor. Thread: GUI thread only.
class FileChangeSupport : public QObject {
    Q_OBJECT
public:
    explicit FileChangeSupport(MainWindow *window);
    ~FileChangeSupport() override;

    FileChangeBanner *banner() const { return m_banner; }
    FileWatcher *watcher() const { return m_watcher; }
    bool isBannerShown() const;

    void reload();

private:
    void showBanner(const QString &text, const QString &path);
    void hideBanner();

    MainWindow *m_window;
    FileWatcher *m_watcher;
    FileChangeBanner *m_banner;
    QToolBar *m_bar;
};

} // namespace hexmap
